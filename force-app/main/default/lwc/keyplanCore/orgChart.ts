/**
 * The reporting forest built from ReportsToId. CRM data is messy: managers outside the account or
 * deleted, people reporting to themselves, loops made by two edits. The model never trusts the
 * chain: every contact ends up exactly once in the forest, and each repair is reported so the user
 * can fix the data. Everything is iterative because accounts have 10,000+ contacts and deep chains.
 */

import type { ContactNode, ContactStakeholderInput } from '@keyplan/contracts';
import { breakParentLoops } from './parentLoops';

/** The minimum a contact needs to sit in the forest. */
export interface OrgMember {
  id: string;
  name?: string | null;
  reportsToId?: string | null;
}

export type OrgProblem = 'duplicate-id' | 'self-manager' | 'manager-outside-account' | 'cycle';

/** One repair made while building the forest. */
export interface OrgRepair {
  contactId: string;
  problem: OrgProblem;
  /** A sentence a user can act on. */
  message: string;
}

export interface OrgForest<T extends OrgMember> {
  /** Contacts by id (first occurrence wins when an id repeats). */
  byId: Map<string, T>;
  /** The effective manager after repairs (null for roots). */
  parentOf: Map<string, string | null>;
  /** Direct reports in display order (name, then id). */
  childrenOf: Map<string, string[]>;
  roots: string[];
  /** All ids in pre-order (each root followed by its subtree). */
  order: string[];
  depthOf: Map<string, number>;
  /** Number of people below each contact (all levels). */
  descendantCount: Map<string, number>;
  /**
   * The same forest by pre-order position (the index into `order`), for layouts that must not look
   * ids up per person: position of each id, manager's position (-1 for a root), roots' positions, and
   * the reports of position i at kidList[kidStart[i]] .. kidList[kidStart[i + 1] - 1] in display order.
   */
  indexOf: Map<string, number>;
  parentAt: Int32Array;
  rootAt: Int32Array;
  kidStart: Int32Array;
  kidList: Int32Array;
  repairs: OrgRepair[];
}

/**
 * Builds the reporting forest. Cycles are broken at the member with the smallest id, so the result
 * does not depend on the order the contacts arrive in.
 * @example buildOrgForest([{ id: 'a' }, { id: 'b', reportsToId: 'a' }]).roots // ['a']
 */
export function buildOrgForest<T extends OrgMember>(contacts: readonly T[]): OrgForest<T> {
  const byId = new Map<string, T>();
  const repairs: OrgRepair[] = [];
  for (const c of contacts) {
    if (byId.has(c.id)) {
      repairs.push({
        contactId: c.id,
        problem: 'duplicate-id',
        message: `Contact ${c.id} appears more than once; the first copy is shown.`
      });
    } else byId.set(c.id, c);
  }

  const parentOf = new Map<string, string | null>();
  for (const [id, c] of byId) {
    const manager = c.reportsToId ?? null;
    if (manager === null || manager === '') parentOf.set(id, null);
    else if (manager === id) {
      parentOf.set(id, null);
      repairs.push({
        contactId: id,
        problem: 'self-manager',
        message: `${label(c)} reports to themselves; shown as a top-level person.`
      });
    } else if (!byId.has(manager)) {
      parentOf.set(id, null);
      repairs.push({
        contactId: id,
        problem: 'manager-outside-account',
        message: `${label(c)} reports to ${manager}, who is not a contact of this account; shown as a top-level person.`
      });
    } else parentOf.set(id, manager);
  }

  // Reporting loops: the loop's lowest id becomes a top-level person (parentLoops.ts).
  for (const loop of breakParentLoops(byId.keys(), parentOf))
    repairs.push({
      contactId: loop.id,
      problem: 'cycle',
      message: `${label(byId.get(loop.id))} is in a reporting loop of ${loop.length} people (reports to ${loop.parent}); shown as a top-level person.`
    });

  // Sort everyone once by (name, id) and hand them out in that order: every list comes out sorted,
  // with no per-list sort and no Map lookups inside the comparator.
  const ids = [...byId.keys()];
  const names = ids.map((id) => (byId.get(id) as T).name ?? '');
  const rank = ids.map((_, i) => i);
  rank.sort((a, b) => {
    const na = names[a];
    const nb = names[b];
    if (na !== nb) return na < nb ? -1 : 1;
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  });
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const i of rank) {
    const id = ids[i];
    const parent = parentOf.get(id) ?? null;
    if (parent === null) roots.push(id);
    else {
      const list = childrenOf.get(parent);
      if (list) list.push(id);
      else childrenOf.set(parent, [id]);
    }
  }

  const order: string[] = [];
  const depthOf = new Map<string, number>();
  const stack: string[] = [];
  for (let r = roots.length - 1; r >= 0; r--) stack.push(roots[r]);
  while (stack.length) {
    const id = stack.pop() as string;
    const parent = parentOf.get(id) ?? null;
    depthOf.set(id, parent === null ? 0 : (depthOf.get(parent) as number) + 1);
    order.push(id);
    const kids = childrenOf.get(id);
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }

  return completeForest({ byId, parentOf, childrenOf, roots, order, depthOf, repairs });
}

/**
 * A forest from its reporting lines in pre-order (`order`, each root followed by its subtree): adds the
 * descendant counts and the by-position index. Every forest (the full one, a filtered sub-forest) is
 * completed by this one function.
 */
export function completeForest<T extends OrgMember>(
  lines: Pick<OrgForest<T>, 'byId' | 'parentOf' | 'childrenOf' | 'roots' | 'order' | 'depthOf' | 'repairs'>
): OrgForest<T> {
  const { byId, parentOf, childrenOf, roots, order, depthOf, repairs } = lines;
  const descendantCount = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    let n = 0;
    for (const k of childrenOf.get(id) ?? []) n += 1 + (descendantCount.get(k) as number);
    descendantCount.set(id, n);
  }
  return {
    byId,
    parentOf,
    childrenOf,
    roots,
    order,
    depthOf,
    descendantCount,
    ...positionIndex(order, roots, parentOf, childrenOf),
    repairs
  };
}

/**
 * The by-position index of a forest (pre-order `order`): position of each id, parent and roots by position,
 * and the reports of each position as a slice of `kidList`. Every forest is indexed by this one function.
 */
export function positionIndex(
  order: readonly string[],
  roots: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
  childrenOf: ReadonlyMap<string, readonly string[]>
): Pick<OrgForest<OrgMember>, 'indexOf' | 'parentAt' | 'rootAt' | 'kidStart' | 'kidList'> {
  const n = order.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(order[i], i);
  const parentAt = new Int32Array(n);
  const kidStart = new Int32Array(n + 1);
  const kidList = new Int32Array(n - roots.length);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const id = order[i];
    const parent = parentOf.get(id) ?? null;
    parentAt[i] = parent === null ? -1 : (indexOf.get(parent) as number);
    kidStart[i] = cursor;
    const kids = childrenOf.get(id);
    if (kids) for (const k of kids) kidList[cursor++] = indexOf.get(k) as number;
  }
  kidStart[n] = cursor;
  const rootAt = Int32Array.from(roots, (id) => indexOf.get(id) as number);
  return { indexOf, parentAt, rootAt, kidStart, kidList };
}

function label(c: OrgMember | undefined): string {
  return c?.name ? `${c.name} (${c.id})` : `Contact ${c?.id ?? '?'}`;
}

/** The chain of managers from the root down to (not including) the contact. */
export function ancestorsOf<T extends OrgMember>(forest: OrgForest<T>, id: string): string[] {
  const chain: string[] = [];
  let cur = forest.parentOf.get(id) ?? null;
  while (cur !== null) {
    chain.push(cur);
    cur = forest.parentOf.get(cur) ?? null;
  }
  return chain.reverse();
}

/**
 * The saveStakeholder input for contact `c` with `changes` on top: Apex writes every stakeholder field (it
 * cannot tell a missing property from null), so the input carries all of them, the contact's current values
 * where nothing changed. Used by the stakeholder form and by moving a card under another manager.
 */
export function stakeholderInput(
  c: ContactNode,
  changes: Partial<ContactStakeholderInput> = {}
): ContactStakeholderInput {
  return {
    id: c.id,
    lastModified: c.lastModified,
    stance: c.stance ?? null,
    decisionRole: c.decisionRole ?? null,
    buyerRole: c.buyerRole ?? null,
    responseMode: c.responseMode ?? null,
    influenceLevel: c.influenceLevel ?? null,
    buyingCenterId: c.buyingCenterId ?? null,
    budgetOwned: c.budgetOwned ?? null,
    reportsToId: c.reportsToId ?? null,
    ...changes
  };
}
