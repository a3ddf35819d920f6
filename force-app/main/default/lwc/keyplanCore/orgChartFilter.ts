/**
 * Org chart filters that answer a key account manager's questions: "who in Helicopters (and its regions)",
 * "every detractor", "decision makers nobody on our team reaches". Pure: the view model passes what each
 * person's keys are (the colour keys of each mode, computed once in `colourContacts`) and gets back who
 * matches and which managers are kept, greyed, to connect the matches to the top of the tree.
 *
 * Cost model (10,000 contacts): one pass over the people per filter change, one walk up per match that
 * stops at the first manager already kept, so filtering is linear in the account's size.
 */
import type { ColourMode } from './coverage';
import { completeForest, type OrgForest, type OrgMember } from './orgChart';

/**
 * What a person can be filtered by: the key of each colour mode, plus the decision role and, on a group
 * plan's chart (several accounts), the company the person works for (their account id).
 */
export type FilterDimension = ColourMode | 'decisionRole' | 'company';

/** The filter of the chart. A dimension absent or empty keeps everyone. */
export interface ChartFilter {
  /** A buying center: it and every center below it (its sub-centers, all levels). */
  buyingCenterId: string | null;
  /** Per dimension, the keys kept (a person matches a dimension when their key is any of them). */
  keys: Readonly<Partial<Record<FilterDimension, readonly string[]>>>;
}

export const NO_FILTER: ChartFilter = Object.freeze({ buyingCenterId: null, keys: Object.freeze({}) });

/** The decision roles in the order the toolbar lists them ('Unknown' for none). */
export const DECISION_ROLE_KEYS: Readonly<Record<string, { label: string }>> = Object.freeze({
  'Decision Maker': { label: 'Decision maker' },
  Influencer: { label: 'Influencer' },
  Gatekeeper: { label: 'Gatekeeper' },
  User: { label: 'User' },
  Unknown: { label: 'No decision role' }
});

/** The dimensions with at least one key chosen, in a stable order. */
export function activeDimensions(filter: ChartFilter): FilterDimension[] {
  return (Object.keys(filter.keys) as FilterDimension[])
    .filter((d) => (filter.keys[d]?.length ?? 0) > 0)
    .sort();
}

/** True when the filter hides anyone (a buying center or any key chosen). */
export function isFiltering(filter: ChartFilter): boolean {
  return filter.buyingCenterId !== null || activeDimensions(filter).length > 0;
}

/** The filter with one dimension's keys replaced (empty clears the dimension). */
export function withKeys(
  filter: ChartFilter,
  dimension: FilterDimension,
  keys: readonly string[]
): ChartFilter {
  const next: Partial<Record<FilterDimension, readonly string[]>> = { ...filter.keys };
  if (keys.length) next[dimension] = [...new Set(keys)];
  else delete next[dimension];
  return { buyingCenterId: filter.buyingCenterId, keys: next };
}

/** The legend's click: adds the key to its dimension, or removes it when it is already chosen. */
export function toggleKey(filter: ChartFilter, dimension: FilterDimension, key: string): ChartFilter {
  const current = filter.keys[dimension] ?? [];
  return withKeys(
    filter,
    dimension,
    current.includes(key) ? current.filter((k) => k !== key) : [...current, key]
  );
}

/**
 * A buying center and every center below it (children, grandchildren...). Safe on broken data: a
 * parent loop is walked once, an unknown id gives just itself.
 * @example buyingCenterScope([{ id: 'h', parentId: null }, { id: 'he', parentId: 'h' }], 'h') // {h, he}
 */
export function buyingCenterScope(
  centers: readonly { id: string; parentId?: string | null }[],
  id: string
): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of centers) {
    if (!c.parentId) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const scope = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const child of children.get(stack.pop() as string) ?? []) {
      if (scope.has(child)) continue;
      scope.add(child);
      stack.push(child);
    }
  }
  return scope;
}

/** What the filter reads of one person. */
export interface FilterSubject {
  id: string;
  buyingCenterId?: string | null;
  /** The account (company) the person works for; read by the 'company' dimension. */
  accountId?: string | null;
}

/** A person's key in the 'company' dimension: their account id, 'Unknown' without one. */
export function companyKey(person: { accountId?: string | null }): string {
  return person.accountId || 'Unknown';
}

/**
 * The people who match every chosen dimension (any key within a dimension) and, with a buying center,
 * sit in it or one of its sub-centers. `keyOf` gives a person's key in a dimension; the 'company'
 * dimension is always read here (`companyKey`), never through `keyOf`.
 */
export function matchingIds<T extends FilterSubject>(
  people: readonly T[],
  filter: ChartFilter,
  keyOf: (dimension: FilterDimension, person: T) => string,
  centers: readonly { id: string; parentId?: string | null }[] = []
): Set<string> {
  const scope = filter.buyingCenterId !== null ? buyingCenterScope(centers, filter.buyingCenterId) : null;
  const tests = activeDimensions(filter).map((d) => ({ d, keys: new Set(filter.keys[d]) }));
  const out = new Set<string>();
  for (const p of people) {
    if (scope && !(p.buyingCenterId && scope.has(p.buyingCenterId))) continue;
    let ok = true;
    for (const t of tests) {
      if (!t.keys.has(t.d === 'company' ? companyKey(p) : keyOf(t.d, p))) {
        ok = false;
        break;
      }
    }
    if (ok) out.add(p.id);
  }
  return out;
}

/**
 * The matches and the managers that connect them to the top of their tree: `keep` is everyone drawn,
 * `context` the managers kept only to connect (drawn greyed). Each walk up stops at the first person kept.
 */
export function connectMatches(
  parentOf: ReadonlyMap<string, string | null>,
  matches: ReadonlySet<string>
): { keep: Set<string>; context: Set<string> } {
  const keep = new Set<string>();
  const context = new Set<string>();
  for (const id of matches) {
    let cur: string | null = id;
    while (cur !== null && !keep.has(cur)) {
      keep.add(cur);
      if (!matches.has(cur)) context.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }
  return { keep, context };
}

/**
 * The part of `full` made of the people in `keep`, where every kept person's manager is kept too (what
 * `connectMatches` returns): same reporting lines, same order, same depths, no sorting and no repairs (the
 * full forest made them), so it costs one pass over the kept people.
 */
export function subForest<T extends OrgMember>(full: OrgForest<T>, keep: ReadonlySet<string>): OrgForest<T> {
  const byId = new Map<string, T>();
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  const depthOf = new Map<string, number>();
  const roots: string[] = [];
  const order: string[] = [];
  for (const id of full.order) {
    if (!keep.has(id)) continue;
    order.push(id);
    byId.set(id, full.byId.get(id) as T);
    const parent = full.parentOf.get(id) ?? null;
    parentOf.set(id, parent);
    depthOf.set(id, full.depthOf.get(id) ?? 0);
    if (parent === null) roots.push(id);
    else {
      // Pre-order visits children in their (sorted) order, so each list comes out sorted too.
      const list = childrenOf.get(parent);
      if (list) list.push(id);
      else childrenOf.set(parent, [id]);
    }
  }
  return completeForest({ byId, parentOf, childrenOf, roots, order, depthOf, repairs: [] });
}

/**
 * The chart of a filter: the forest of the matches and the managers connecting them (same reporting lines
 * as `full`, in the same order), who matches, and who is kept only as context. Without a filter, `full`.
 */
export function filterForest<T extends OrgMember & FilterSubject>(
  full: OrgForest<T>,
  filter: ChartFilter,
  keyOf: (dimension: FilterDimension, person: T) => string,
  centers: readonly { id: string; parentId?: string | null }[] = []
): { forest: OrgForest<T>; matches: Set<string> | null; context: Set<string> } {
  if (!isFiltering(filter)) return { forest: full, matches: null, context: new Set() };
  const people: T[] = full.order.map((id) => full.byId.get(id) as T);
  const matches = matchingIds(people, filter, keyOf, centers);
  const { keep, context } = connectMatches(full.parentOf, matches);
  return { forest: subForest(full, keep), matches, context };
}

/** "12 of 145 people match" (the line that tells how much a filter shows). */
export function matchSummary(matches: number, total: number): string {
  const people = total === 1 ? 'person' : 'people';
  return `${matches.toLocaleString()} of ${total.toLocaleString()} ${people} match`;
}

/**
 * The buying centers as a tree for a picker: each center followed by its sub-centers, a "›" per level
 * ("Helicopters", "› Helicopters Europe"), siblings in the order given. A center whose parent is unknown
 * (or in a loop) is listed at the top level.
 */
export function buyingCenterTree(
  centers: readonly { id: string; name: string; parentId?: string | null }[]
): { label: string; value: string; depth: number }[] {
  const ids = new Set(centers.map((c) => c.id));
  const children = new Map<string | null, { id: string; name: string }[]>();
  for (const c of centers) {
    const parent = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  const out: { label: string; value: string; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number): void => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ label: `${'› '.repeat(depth)}${c.name}`, value: c.id, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  // Centers only reachable through a parent loop: listed at the top level, with what hangs below them.
  for (const c of centers)
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push({ label: c.name, value: c.id, depth: 0 });
      visit(c.id, 1);
    }
  return out;
}
