/**
 * Codemod: every field Keyplan adds to a standard object (Contact, Opportunity, Account) carries the
 * `Keyplan_` prefix (`Contact.Stance__c` -> `Contact.Keyplan_Stance__c`, `Opportunity.Buying_Center__c`
 * -> `Opportunity.Keyplan_Buying_Center__c` with relationship `Keyplan_Buying_Center__r`), so an
 * install never clashes with a customer's own `Stance__c` (review finding C4, issue 15 item 2).
 *
 *   tsx scripts/codemods/keyplan-prefix.ts            rename field files and every reference (whole repo)
 *   tsx scripts/codemods/keyplan-prefix.ts --check    exit 1 listing every old name still present
 *   tsx scripts/codemods/keyplan-prefix.ts --explain  also print each decision on an ambiguous name
 *   --no-format                                       do not run Prettier on the files it rewrote
 *   --root=DIR                                        work on another checkout (default: this repository)
 *   ... [paths]                                       only these files / folders (relative to the repo)
 *
 * Re-runnable and idempotent: a renamed name (`Keyplan_Stance__c`) never matches an old one, so a
 * second run changes nothing; run it again after merging new code.
 *
 * Which names: the unprefixed `*__c` fields under force-app/.../objects/{Contact,Opportunity,Account}/
 * fields plus OLD_FIELDS below (so `--check` still knows them after the rename).
 *
 * Context. Most old names exist only on a standard object and are renamed wherever they occur. The
 * AMBIGUOUS ones also name a custom object (`Buying_Center__c`, `Offering__c`) or a field of a custom
 * object (`Landscape_Cell__c.Buying_Center__c`, `Landscape_Cell__c.Offering__c`,
 * `Plan_Objective__c.Buying_Center__c`, `Relationship_Link__c.Influence_Level__c`, and the
 * relationship `Buying_Center__r` on those). For each such occurrence the object it belongs to is
 * worked out, first rule that applies wins (`--explain` prints the rule behind each decision):
 *   1. MANUAL decisions (file + line text) below;
 *   2. object position: `FROM X`, `new X(`, `List<X>`, `X v` declarations and return types (Apex),
 *      `SObjectType.X`, `X.field` / `X$field` / `X-Layout` qualifiers, `@salesforce/schema/X`,
 *      `<object>`, `<tabs>`, `<referenceTo>`, `<baseObject>`, `<table>`, the head of an
 *      `['X', 'Field']` pair, quoted names handed to save/insert/count/sobject/requireReadable/via/...;
 *   3. a pair `['Contact', 'X']` / `f(ctx, 'Opportunity', 'X')`, a record `get('Opportunity', id)!.X`;
 *   4. a qualifier: `Contact.X`, `Opportunity$X`, `Landscape_Cell__c.X`, a relationship path
 *      `From_Contact__r.X` resolved through the metadata's lookups and child relationships;
 *   5. XML structure: a report type column's `<table>`, a layout related list's `<relatedList>`,
 *      the object folder of field / validation rule / list view / compact layout files, the
 *      object of a layout file;
 *   6. the SOQL around it (`SELECT ... FROM X`, subqueries on child relationships);
 *   7. the receiver `v.X` (rule 9) first, then the call or constructor around it: `new X(...)`, `insert('X', {...})`, `sobject('X').create({...})`,
 *      `['X', [ records ]]`, a list assigned to a hinting name (`CONTACT_ACCESS_FIELDS = [...]`);
 *   8. a map entry keyed `'Object.Rule': ...` or a block `Object: { ... }`;
 *   9. the receiver `v.X`: its declared Apex type, the rows it iterates (`opps.map((o) => o.X)`, the
 *      query assigned to `opps`), the other custom fields read on it nearby (`record.From_Contact__c`
 *      -> Relationship_Link__c), its name (NAME_HINTS: `opp`, `cell`, `link`, ...);
 *  10. the nearest Markdown heading naming an object;
 *  11. prose (comments, Markdown, user messages): an unqualified ambiguous name there is the object;
 *  12. FILE_DEFAULTS below (a class or file about one object).
 * An ambiguous occurrence none of these decide is left as it is and reported ("undecided"): add a
 * MANUAL entry. Renames only when the object found is a standard object that owns the field.
 *
 * Readable bundle names. An account bundle spells standard-object fields without the prefix
 * (`"Stance__c": "Champion"`); src/bundle/orgNames.ts is the one map to the org names. Files holding
 * bundle names (BUNDLE_FILES) are never touched, the map file only in its quoted org names, and
 * bundle lines inside mixed files are listed in MANUAL as 'bundle'.
 *
 * Never touched: node_modules, .git, ignored files (generated component .js, sqlite, artifacts),
 * this codemod and its test.
 *
 * What it would miss in new code (check by hand after a merge, `--explain` lists the decisions):
 *  - an old name built at run time (`'Buying_' + 'Center__c'`, `${prefix}__c`);
 *  - an ambiguous name whose object comes only from a TypeScript type or from a value passed in from
 *    another file: reported as undecided when no rule applies, but a weak rule (NAME_HINTS, fields
 *    nearby, FILE_DEFAULTS) may decide it wrongly: read the `--explain` lines of new code;
 *  - nothing for new fields: ambiguity is read from the metadata, so a new custom-object field named
 *    like a standard-object field (`Relationship_Link__c.Stance__c`) makes that name context-checked,
 *    and a new unprefixed field on Contact/Opportunity/Account is renamed with the others;
 *  - a new bundle-shaped file (bundle names) outside BUNDLE_FILES: its unambiguous names would be
 *    renamed; add it to BUNDLE_FILES first;
 *  - labels and prose that spell a field without `__c` ("Stance", "Buying Center"): unchanged on purpose.
 *
 * Hand edits the codemod does not make: none after it runs. Edits made BEFORE it on this branch so that
 * it can decide (they merge like any code): src/bundle/orgNames.ts and its users (CLI import/export,
 * localorg/bundle.ts) read bundle names through one map; the exporter collects offering ids from
 * opportunities and cells in two loops; test/metadata/datamodel.test.ts names the BANT status fields
 * instead of building them from `${dim}_Status__c`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PREFIX = 'Keyplan_';
const OBJECTS_DIR = 'force-app/main/default/objects';
export const STANDARD_OBJECTS = ['Account', 'Contact', 'Opportunity'] as const;
type StandardObject = (typeof STANDARD_OBJECTS)[number];

/** The names as they were before the rename (so `--check` knows them once the field files are renamed). */
export const OLD_FIELDS: Record<StandardObject, readonly string[]> = {
  Account: [],
  Contact: [
    'Budget_Owned__c',
    'Buyer_Role__c',
    'Buying_Center__c',
    'Decision_Role__c',
    'Influence_Level__c',
    'Response_Mode__c',
    'Stance__c'
  ],
  Opportunity: [
    'Authority_Evidence__c',
    'Authority_Status__c',
    'BANT_Score__c',
    'Budget_Evidence__c',
    'Budget_Status__c',
    'Buying_Center__c',
    'Growth_Type__c',
    'Need_Evidence__c',
    'Need_Status__c',
    'Offering__c',
    'Timing_Evidence__c',
    'Timing_Status__c'
  ]
};

/** Files whose field names are the bundle's readable names: never touched. */
export const BUNDLE_FILES: readonly RegExp[] = [
  /^src\/bundle\/schema\.ts$/,
  /^docs\/account-bundle\.schema\.json$/,
  /\.bundle\.(json|csv)$/,
  /^data\/(aerovance|aerovanceGroup|large|largeGroup)\.ts$/,
  /^test\/bundle\//
];
/** The one map between bundle names and org names: only its quoted (org) names are renamed. */
export const MAP_FILE = 'src/bundle/orgNames.ts';
/** Never touched: the codemod and its own test (they spell old names on purpose). */
const SELF = [/^scripts\/codemods\//];
const SKIP_DIRS = [
  /(^|\/)node_modules\//,
  /^\.git\//,
  /^coverage\//,
  /^artifacts\//,
  /^preview\/dist\//,
  /^data\/tree\//
];
const TEXT_EXT = /\.(ts|js|mjs|cjs|cls|trigger|xml|json|md|html|css|csv|yml|yaml|sh|txt|soql|apex)$/;

type Decision = string | 'bundle' | 'rename' | 'keep';
interface ManualRule {
  file: RegExp;
  /** Text on the line of the occurrence. */
  line: RegExp;
  /** Only for these old names (default: all). */
  names?: RegExp;
  /** An object name (decides by ownership), 'bundle' (readable bundle name: keep) or rename / keep. */
  decision: Decision;
}

/** Old field names that are also custom object names. */
const OBJECT_NAMED = /^(Buying_Center|Offering)__c$/;

/**
 * Decisions where context fails. Keep this list short: prefer teaching a rule above.
 */
export const MANUAL: readonly ManualRule[] = [
  // Bundle records in tests and e2e (readable names).
  {
    file: /^e2e\//,
    line: /\b(c|o|first|x)\b.*\.(Stance|Buyer_Role|Budget_Status)__c|DEMO\./,
    decision: 'bundle'
  },
  // Any test: a bundle record's field (`b.contacts[0].Stance__c`), a bundle problem path
  // (`'contacts[2].Stance__c'`), a CSV header or a CSV problem (`contacts.csv row 3, column Stance__c`).
  {
    file: /\.(test|e2e)\.ts$/,
    line: /\b(contacts|opportunities|links)\[[^\]]*\]!?\.\w+__c|\bkey,\w+,.*__c|\.csv row \d+, column \w+__c|\bDEMO\./,
    decision: 'bundle'
  },
  { file: /^scripts\/cli\/(csv|shape)\.ts$/, line: /e\.g\.|like `/, decision: 'bundle' },
  // A Landscape_Cell__c record written over REST: its own lookups, not Contact/Opportunity fields.
  {
    file: /^e2e\/cellToOpportunity\.e2e\.ts$/,
    line: /^\s*(Buying_Center|Offering)__c: (bc|off)\.Id,$|query<\{ Buying_Center__c: string; Offering__c: string \}>/,
    decision: 'keep'
  },
  { file: /^docs\/CLI\.md$/, line: /column \w+__c/, decision: 'bundle' },
  { file: /^docs\/MANAGED_PACKAGE\.md$/, line: /customer's own|"\w+__c": "/, decision: 'bundle' },
  // Lists of tables (object names), not fields.
  ...[
    /^localorg\/seed\.ts$/,
    /^test\/cli\/cli\.test\.ts$/,
    /^localorg\/apex\/controllers\/lib\/testing\.ts$/,
    /^test\/metadata\/datamodel\.test\.ts$/
  ].map((file) => ({
    file,
    line: /^\s*'\w+',?\s*$|for \(const tab|access\(/,
    names: OBJECT_NAMED,
    decision: 'keep'
  })),
  // Maps keyed by object name.
  {
    file: /^localorg\/apex\/controllers\/lib\/twin\.ts$/,
    line: /^\s*\w+__c: '/,
    names: OBJECT_NAMED,
    decision: 'keep'
  },
  { file: /^src\/generator\/random\.ts$/, line: /^\s*\w+__c: '/, names: OBJECT_NAMED, decision: 'keep' },
  // Field lists of one object.
  {
    file: /^force-app\/main\/default\/lwc\/whitespaceMatrix\//,
    line: /oppInfo|Offering__c=|Buying_Center__c=|Buying_Center__c: open|Offering__c: open/,
    decision: 'Opportunity'
  },
  {
    file: /^localorg\/apex\/controllers\/OrgChartController\.test\.ts$/,
    line: /stored\./,
    decision: 'Contact'
  },
  {
    file: /^localorg\/apex\/controllers\/OrgChartController\.ts$/,
    line: /optional\('|field === '/,
    decision: 'Contact'
  },
  { file: /^scripts\/cli\/landscape\.ts$/, line: /\bc\.\w+__c/, decision: 'Landscape_Cell__c' },
  { file: /^test\/cli\/cli\.test\.ts$/, line: /second\.Offering__c/, decision: 'keep' }, // record counts per table
  {
    file: /^localorg\/triggers\.ts$/,
    line: /\br\.|errorField|Fiscal_Year__c \//,
    decision: 'Landscape_Cell__c'
  },
  {
    file: /^localorg\/apex\/controllers\/lib\/uniqueKeys\.ts$/,
    line: /Offering__c/,
    decision: 'Landscape_Cell__c'
  },
  { file: /^localorg\/saveRules\.test\.ts$/, line: /\['Offering__c'\]/, decision: 'Landscape_Cell__c' },
  {
    file: /^force-app\/main\/default\/classes\/KeyplanUniqueKeys\.cls$/,
    line: /Offering__c/,
    decision: 'Landscape_Cell__c'
  }
];

/** Files about one object: the object of an occurrence nothing else decides. */
export const FILE_DEFAULTS: readonly { file: RegExp; object: string }[] = [
  { file: /\/classes\/ContactSelector(Test)?\.cls$/, object: 'Contact' },
  { file: /\/classes\/OpportunitySelector(Test)?\.cls$/, object: 'Opportunity' },
  { file: /\/classes\/LandscapeCellSelector(Test)?\.cls$/, object: 'Landscape_Cell__c' },
  { file: /\/classes\/RelationshipLinkSelector(Test)?\.cls$/, object: 'Relationship_Link__c' },
  { file: /\/classes\/BantService(Test)?\.cls$/, object: 'Opportunity' },
  { file: /^localorg\/apex\/controllers\/BantController(\.test)?\.ts$/, object: 'Opportunity' },
  { file: /^localorg\/apex\/controllers\/WhitespaceController(\.test)?\.ts$/, object: 'Landscape_Cell__c' }
];

// ---------------------------------------------------------------------------------------------
// Schema: objects, their fields and lookups, read from force-app.

export interface Schema {
  objects: Set<string>;
  fields: Map<string, Set<string>>;
  /** object -> relationship name (`Buying_Center__r`, `Account`) -> target object */
  parents: Map<string, Map<string, string>>;
  /** object -> child relationship name (`Landscape_Cells__r`, `Contacts`) -> child object */
  children: Map<string, Map<string, string>>;
  /** standard object -> old field names to rename */
  oldFields: Map<string, Set<string>>;
  /** every old field name (any standard object) */
  oldNames: Set<string>;
  /** old names that also name a custom object or a custom object's field */
  ambiguous: Set<string>;
  /** object names that name nothing else (no old field name, no field of any object) */
  pureObjects: Set<string>;
}

const STANDARD_PARENTS: Record<string, Record<string, string>> = {
  Contact: { Account: 'Account', ReportsTo: 'Contact', Owner: 'User' },
  Opportunity: { Account: 'Account', Owner: 'User' },
  OpportunityContactRole: { Contact: 'Contact', Opportunity: 'Opportunity' },
  OpportunityFieldHistory: { Opportunity: 'Opportunity' },
  OpportunityHistory: { Opportunity: 'Opportunity' }
};
const STANDARD_CHILDREN: Record<string, Record<string, string>> = {
  Account: { Contacts: 'Contact', Opportunities: 'Opportunity' },
  Opportunity: { OpportunityContactRoles: 'OpportunityContactRole', Histories: 'OpportunityFieldHistory' }
};
const KNOWN_STANDARD = [
  'Account',
  'Contact',
  'Opportunity',
  'OpportunityContactRole',
  'User',
  'OpportunityFieldHistory'
];

const tag = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();

export function readSchema(root: string): Schema {
  const objects = new Set<string>(KNOWN_STANDARD);
  const fields = new Map<string, Set<string>>();
  const parents = new Map<string, Map<string, string>>();
  const children = new Map<string, Map<string, string>>();
  const put = <V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> => {
    if (!m.has(k)) m.set(k, new Map());
    return m.get(k)!;
  };
  for (const [o, rels] of Object.entries(STANDARD_PARENTS))
    for (const [r, t] of Object.entries(rels)) put(parents, o).set(r, t);
  for (const [o, rels] of Object.entries(STANDARD_CHILDREN))
    for (const [r, t] of Object.entries(rels)) put(children, o).set(r, t);
  const dir = path.join(root, OBJECTS_DIR);
  const oldFields = new Map<string, Set<string>>();
  for (const o of STANDARD_OBJECTS) oldFields.set(o, new Set(OLD_FIELDS[o]));
  if (existsSync(dir))
    for (const obj of readdirSync(dir)) {
      objects.add(obj);
      const fdir = path.join(dir, obj, 'fields');
      const set = new Set<string>();
      fields.set(obj, set);
      if (!existsSync(fdir)) continue;
      for (const f of readdirSync(fdir)) {
        const name = f.replace(/\.field-meta\.xml$/, '');
        set.add(name);
        const xml = readFileSync(path.join(fdir, f), 'utf8');
        const target = tag(xml, 'referenceTo');
        if (target && name.endsWith('__c')) {
          put(parents, obj).set(name.replace(/__c$/, '__r'), target);
          const childRel = tag(xml, 'relationshipName');
          if (childRel) put(children, target).set(`${childRel}__r`, obj);
        }
        if (
          (STANDARD_OBJECTS as readonly string[]).includes(obj) &&
          !name.startsWith(PREFIX) &&
          name.endsWith('__c')
        )
          oldFields.get(obj)!.add(name);
      }
    }
  // Standard-object lookups we renamed keep their relationship under the old name too (for paths).
  for (const [obj, names] of oldFields)
    for (const n of names) {
      const renamed = parents.get(obj)?.get(`${PREFIX}${n.replace(/__c$/, '__r')}`);
      if (renamed) put(parents, obj).set(n.replace(/__c$/, '__r'), renamed);
    }
  const oldNames = new Set<string>();
  for (const names of oldFields.values()) for (const n of names) oldNames.add(n);
  const ambiguous = new Set<string>();
  for (const n of oldNames) {
    if (objects.has(n)) ambiguous.add(n);
    for (const [obj, fs] of fields)
      if (!(STANDARD_OBJECTS as readonly string[]).includes(obj) && fs.has(n)) ambiguous.add(n);
  }
  const pureObjects = new Set(
    [...objects].filter((o) => !oldNames.has(o) && ![...fields.values()].some((fs) => fs.has(o)))
  );
  return { objects, fields, parents, children, oldFields, oldNames, ambiguous, pureObjects };
}

// ---------------------------------------------------------------------------------------------
// Deciding one occurrence.

export interface Occurrence {
  index: number;
  /** `Stance__c` or `Buying_Center__r` */
  name: string;
  /** the field name (`Buying_Center__c` for `Buying_Center__r`) */
  field: string;
  rename: boolean;
  reason: string;
  undecided?: boolean;
  /** The text as written (`bant_score__c`), when its case differs from `name`. */
  matched?: string;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lineAt(text: string, index: number): { line: string; start: number; no: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  const no = text.slice(0, index).split('\n').length;
  return { line: text.slice(start, end < 0 ? text.length : end), start, no };
}

/** Resolves a dotted relationship path (`From_Contact__r.Account`) from `base`; undefined when unknown. */
function resolvePath(schema: Schema, base: string, segments: string[]): string | undefined {
  let cur: string | undefined = base;
  for (const s of segments) {
    if (!cur) return undefined;
    cur = schema.parents.get(cur)?.get(s) ?? schema.children.get(cur)?.get(s);
  }
  return cur;
}

/** The object a qualifier chain before the occurrence names, e.g. `Contact.`, `Opportunity$`, `X__c.Rel__r$`. */
function qualifierObject(
  schema: Schema,
  text: string,
  index: number,
  base?: string
): string | undefined | null {
  const before = text.slice(Math.max(0, index - 200), index);
  const m = /([A-Za-z_][A-Za-z0-9_]*(?:\\?[.$][A-Za-z_][A-Za-z0-9_]*)*)(?:\[[^\]]*\])?[?!]?\\?[.$]$/.exec(
    before
  );
  if (!m) return null;
  // `Schema.SObjectType.X` style chains end in a non-object segment: handled as object position.
  const segs = m[1].split(/\\?[.$]/);
  // Case-insensitive object names (reports write CONTACT.X in some formats).
  const canon = (s: string): string | undefined =>
    [...schema.objects].find((o) => o.toLowerCase() === s.toLowerCase());
  for (let i = 0; i < segs.length; i++) {
    const head = canon(segs[i]);
    if (head) {
      const rest = segs.slice(i + 1);
      if (rest.length === 0) return head;
      return resolvePath(schema, head, rest);
    }
  }
  if (base) {
    const viaBase = resolvePath(schema, base, segs);
    if (viaBase) return viaBase;
  }
  // Flexipages and Lightning expressions: `Record.X` on the page's `<sobjectType>`.
  const page = segs[0] === 'Record' ? tag(text, 'sobjectType') : undefined;
  if (page && schema.objects.has(page)) return resolvePath(schema, page, segs.slice(1));
  // `opp.X`, `this.oppInfo.fields.X`, `cells[0].X`: a variable, decided by the receiver rules.
  if (/^[a-z]/.test(segs[0]) || segs[0] === 'this') return null;
  return undefined;
}

const OBJECT_CALLS =
  /(?:\bsave|\binsert|\bupdate|\bupsert|\bcount|\bget|\bsobject|\brequireReadable|\brequireCreateable|\brequireUpdateable|\binsertAsUser|\bupdateAsUser|\bdescribe|\bdelete|\bdestroy|\bobjectInfo|\bgetObjectInfo|\bquery|\bvia|\blookup|\bhasKey|\bhad|\bobject|\bcanRead|\bcanEdit|\bcanCreate|\bcanDelete)\s*\(\s*(?:ctx\s*,\s*)?$/;

/** True when the `__c` name at index is used as an object name, not a field. */
function isObjectPosition(
  objects: ReadonlySet<string>,
  pureObjects: ReadonlySet<string>,
  text: string,
  index: number,
  name: string,
  file: string
): boolean {
  if (!name.endsWith('__c')) return false;
  const before = text.slice(Math.max(0, index - 120), index);
  const after = text.slice(index + name.length, index + name.length + 60);
  if (/\bFROM\s+["`]?$/i.test(before)) return true;
  if (/\/sobjects\/$/.test(before)) return true; // REST paths
  if (
    /\b(object|objectName|objectApiName|sobject|sObjectType|table|entity)\s*(?::|=|===|!==|==)\s*['"]$/i.test(
      before
    )
  )
    return true;
  if (/SObjectType\.$/i.test(before) || /^\.(SObjectType|sObjectType|getDescribe|class)\b/.test(after))
    return true;
  if (/\bnew\s+$/.test(before)) return true;
  if (/(List|Set|Map|Iterable)\s*<\s*(?:\w+\s*,\s*)?$/.test(before)) return true;
  if (/@salesforce\/schema\/$/.test(before) && !after.startsWith('.')) return true;
  if (/^[.$][A-Za-z]/.test(after)) return true; // X__c.Field, X__c$Field: a qualifier
  if (/^-[A-Z]/.test(after)) return true; // layout names `X__c-X Layout`
  if (/<(object|baseObject|sobjectType|tabs|referenceTo|tab|targetObject|entity|childObject)>$/.test(before))
    return true;
  if (/<table>$/.test(before)) return true;
  if (/\.cls$|\.trigger$/.test(file)) {
    if (/^\s+[a-z]\w*\s*[=;:,)(]/.test(after) || /^\s+[a-z]\w*\s*$/.test(after.split('\n')[0] ?? ''))
      return true;
    if (/\(\s*$/.test(before) && /^\)\s*\w/.test(after)) return true; // cast
  }
  if (/\bKEY_PREFIX\.$/.test(before)) return true;
  // ['Object', 'Field'] pairs: the head is the object.
  const tail = /^['"]\s*,\s*['"](\w+)['"]\s*\]/.exec(after);
  if (/\[\s*['"]$/.test(before) && tail && !objects.has(tail[1])) return true;
  // ['Object', records...]: a tuple whose head is followed by something that is not a name.
  if (/\[\s*['"]$/.test(before) && /^['"]\s*,\s*[^\s'"]/.test(after)) return true;
  if (/SobjectType\s*=\s*'$/i.test(before)) return true;
  // A quoted name handed to a function taking an object name.
  if (/['"`]$/.test(before) && OBJECT_CALLS.test(before.slice(0, -1))) return true;
  // ... or to a function that elsewhere in the file gets an object name there (`depthOrder('Contact', ...)`).
  const fn = /\b(\w+)\(\s*(ctx\s*,\s*)?['"]$/.exec(before);
  if (fn) {
    const calls = new RegExp(`\\b${esc(fn[1])}\\(\\s*${fn[2] ? 'ctx\\s*,\\s*' : ''}['"](\\w+)['"]`, 'g');
    if ([...text.matchAll(calls)].some((c) => pureObjects.has(c[1]))) return true;
  }
  if (/\.count\(\s*['"]$/.test(before)) return true;
  return false;
}

/** Innermost SOQL query around index: its FROM object. */
function soqlObject(schema: Schema, text: string, index: number): string | undefined {
  const re = /\bSELECT\b/gi;
  let best: { start: number; object: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < index) {
    // Walk forward to the query's end; find FROM at depth 0.
    let depth = 0;
    let from: string | undefined;
    let end = text.length;
    for (let i = m.index + 6; i < text.length; i++) {
      const ch = text[i];
      if (ch === '(' || ch === '{') depth++;
      else if (ch === ')' || ch === '}') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      } else if (
        depth === 0 &&
        (ch === ']' || ch === '`' || ch === ';' || ch === '"' || (ch === "'" && !from))
      ) {
        if (ch === "'" && /[=(,]\s*$/.test(text.slice(i - 3, i))) continue; // a literal inside the WHERE
        end = i;
        break;
      } else if (depth === 0 && !from && /^\bFROM\s/i.test(text.slice(i, i + 5)) && /\W/.test(text[i - 1])) {
        from = /^FROM\s+(\w+)/i.exec(text.slice(i))?.[1];
      }
    }
    if (from && index < end && (!best || m.index > best.start)) best = { start: m.index, object: from };
  }
  if (!best) return undefined;
  const canon = [...schema.objects].find((o) => o.toLowerCase() === best!.object.toLowerCase());
  if (canon) return canon;
  // A subquery on a child relationship: resolve from the outer query.
  const outer = soqlObject(schema, text.slice(0, best.start) + ' '.repeat(0), best.start - 1);
  return outer ? schema.children.get(outer)?.get(best.object) : undefined;
}

/** The object of the call or constructor around index: `new X(`, `insert('X', {`, `sobject('X').create(`. */
function enclosingCallObject(schema: Schema, text: string, index: number): string | undefined {
  let depth = 0;
  let level = 0;
  const lo = Math.max(0, index - 3000);
  for (let i = index - 1; i >= lo; i--) {
    const ch = text[i];
    if (ch === ')' || ch === '}' || ch === ']') depth++;
    else if (ch === '(' || ch === '{' || ch === '[') {
      if (depth > 0) {
        depth--;
        continue;
      }
      level++;
      const before = text.slice(Math.max(0, i - 200), i);
      const after = text.slice(i + 1, i + 80);
      let m = /\bnew\s+(\w+)\s*$/.exec(before);
      if (m && schema.objects.has(m[1])) return m[1];
      m = /\bsobject\(\s*['"](\w+)['"]\s*\)\s*\.\s*\w+\s*$/.exec(before);
      if (m && schema.objects.has(m[1])) return m[1];
      m = /^\s*(?:ctx\s*,\s*)?['"](\w+)['"]\s*,/.exec(after);
      // insert('X', { field: ... }) decides the fields of its record, not its other arguments.
      if (ch === '(' && level > 1 && m && schema.objects.has(m[1])) return m[1];
      m = /^\s*['"](\w+)['"]\s*,/.exec(after); // ['Table', [ records ]], ['Table', rows.map(...)]
      if (ch === '[' && level > 1 && m && schema.objects.has(m[1])) return m[1];
      m = /\b(\w+)\s*(?::[^=\n]*)?=\s*(?:new\s+[\w<>, ]+)?$/.exec(before);
      const hinted = m ? nameHint(m[1]) : undefined;
      if (hinted && ch !== '(') return hinted;
    }
  }
  return undefined;
}

/**
 * Names that say which object they hold: `CONTACT_ACCESS_FIELDS`, `STAKEHOLDER_FIELDS`, `opp`, `cells`,
 * `link`. Used for a variable's records and for the constant a field list is assigned to.
 */
export const NAME_HINTS: readonly [RegExp, string][] = [
  [/^(opp|opps|opportunity|opportunities|oppInfo)$|^OPP|^BANT_/i, 'Opportunity'],
  [/^(cell|cells)$|^CELL/i, 'Landscape_Cell__c'],
  [/^(link|links)$|^LINK_/i, 'Relationship_Link__c'],
  [/^(contact|contacts|stakeholder)$|^CONTACT_|^STAKEHOLDER_/i, 'Contact'],
  [/^(objective|objectives)$/i, 'Plan_Objective__c'],
  [/^(center|centers|buyingCenter|buyingCenters)$/i, 'Buying_Center__c']
];
function nameHint(name: string): string | undefined {
  return NAME_HINTS.find(([re]) => re.test(name))?.[1];
}

/** An object named like `Opportunity` / `LandscapeCell` (a selector class prefix), if any. */
function objectNamedLike(schema: Schema, compact: string): string | undefined {
  const want = compact.toLowerCase();
  return [...schema.objects].find((o) => o.replace(/__c$/, '').replace(/_/g, '').toLowerCase() === want);
}

/** True for an object name that is nothing else (not an old field name, not a field of any object). */
function pureObject(schema: Schema, n: string): boolean {
  return schema.pureObjects.has(n);
}

/** Where the bracket opening the innermost literal around `index` is (skipping balanced ones). */
function enclosingOpen(text: string, index: number, limit = 4000): number {
  let depth = 0;
  for (let i = index - 1; i >= Math.max(0, index - limit); i--) {
    const ch = text[i];
    if (ch === ')' || ch === '}' || ch === ']') depth++;
    else if (ch === '(' || ch === '{' || ch === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function matchingClose(text: string, open: number, limit = 6000): number {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + limit); i++) {
    const ch = text[i];
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Lists and object literals around the name: a list of object names (`['Offering__c', 'Landscape_Cell__c']`),
 * a literal keyed by object names (`{ Account: ..., Offering__c: ... }`) or mapping to them
 * (`{ offerings: 'Offering__c', contacts: 'Contact' }`) make it an object; a literal with
 * `object: 'Contact'` makes the names inside it fields of that object.
 */
function literalContext(
  schema: Schema,
  text: string,
  index: number,
  name: string
): 'object' | string | undefined {
  const before = text.slice(Math.max(0, index - 40), index);
  const after = text.slice(index + name.length, index + name.length + 20);
  const quoted = /['"]$/.test(before);
  let at = index;
  for (let level = 0; level < 3; level++) {
    const open = enclosingOpen(text, at);
    if (open < 0) return undefined;
    const close = matchingClose(text, open);
    if (close < 0) return undefined;
    const body = text.slice(open + 1, close);
    const others = (xs: string[]): boolean => xs.some((x) => x !== name && pureObject(schema, x));
    if (level === 0 && name.endsWith('__c')) {
      if (text[open] === '[' && quoted && others([...body.matchAll(/['"](\w+)['"]/g)].map((m) => m[1])))
        return 'object';
      if (
        text[open] === '{' &&
        !quoted &&
        /^\s*:/.test(after) &&
        others([...body.matchAll(/(?:^|[{,\n])\s*(\w+)\s*:/g)].map((m) => m[1]))
      )
        return 'object';
      if (
        text[open] === '{' &&
        quoted &&
        /:\s*['"]$/.test(before) &&
        others([...body.matchAll(/:\s*['"](\w+)['"]/g)].map((m) => m[1]))
      )
        return 'object';
    }
    if (text[open] === '{') {
      const obj = /\bobject\s*:\s*['"](\w+)['"]/.exec(body);
      if (obj && schema.objects.has(obj[1])) return obj[1];
    }
    if (text[open] === '(') return undefined;
    at = open;
  }
  return undefined;
}

/** A field's object from the other custom fields read or written on the same receiver nearby. */
function siblingObject(schema: Schema, text: string, index: number, recv: string): string | undefined {
  const lo = text.lastIndexOf('\n', Math.max(0, index - 600));
  const window = text.slice(Math.max(0, lo), index + 600);
  const seen = new Set<string>();
  for (const m of window.matchAll(new RegExp(`\\b${esc(recv)}(?:\\[[^\\]]*\\])?[?!]?\\.(\\w+__c)\\b`, 'g')))
    seen.add(m[1]);
  const strip = (n: string): string => n.replace(new RegExp(`^${PREFIX}`), '');
  const distinctive = [...seen].filter((n) => !schema.oldNames.has(n) && n !== 'Keyplan_Key__c');
  if (!distinctive.length) return undefined;
  const candidates = [...schema.fields].filter(([, fs]) => {
    const loose = new Set([...fs].flatMap((f) => [f, strip(f)]));
    return distinctive.every((n) => loose.has(n));
  });
  return candidates.length === 1 ? candidates[0][0] : undefined;
}

/** `xs.map((r) => ... r.X ...)`: the object of the rows in `xs` (its query, or its name). */
function iterationObject(schema: Schema, text: string, index: number, recv: string): string | undefined {
  const before = text.slice(Math.max(0, index - 2500), index);
  // OpportunitySelector.firstWonByCell(...).map((r) => r.X): the selector's object.
  const sel = new RegExp(
    `\\b([A-Z]\\w*?)Selector\\.\\w+\\((?:[^()]|\\([^()]*\\))*\\)\\s*\\.\\s*(?:map|forEach|filter|find|some|every|flatMap)(?:<[^>]*>)?\\(\\s*\\(?\\s*${esc(recv)}\\b`
  );
  const selm = sel.exec(before);
  if (selm) {
    const o = objectNamedLike(schema, selm[1]);
    if (o) return o;
  }
  const re = new RegExp(
    `\\b(\\w+)\\s*\\.\\s*(?:map|forEach|filter|find|some|every|flatMap)(?:<[^>]*>)?\\(\\s*\\(?\\s*${esc(recv)}\\b|for\\s*\\(\\s*(?:const|let|final)?\\s*(?:\\w+\\s+)?${esc(recv)}\\s*(?:of|:)\\s*(\\w+)`,
    'g'
  );
  let last: string | undefined;
  for (const m of before.matchAll(re)) last = m[1] ?? m[2];
  if (!last) return undefined;
  const decl = new RegExp(`\\b(?:const|let|var)\\s+${esc(last)}\\s*=[\\s\\S]{0,400}?\\bFROM\\s+(\\w+)`).exec(
    text
  );
  if (decl && schema.objects.has(decl[1])) return decl[1];
  return nameHint(last);
}

/** Inside a map entry keyed `'Object.Name': ...` (local validation rules, formulas) or a block `Object: { ... }`. */
function entryKeyObject(schema: Schema, text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 800), index);
  let last: string | undefined;
  for (const m of before.matchAll(/^\s*['"](\w+)\.\w+['"]\s*:|^\s*(\w+)\s*:\s*\{/gm)) last = m[1] ?? m[2];
  return last && schema.objects.has(last) ? last : undefined;
}

/** The variable the name is read on: `opp` in `opp.X`, `cells` in `cells[0].X`, `c` in `optional(c, 'X'`. */
function receiverName(text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 120), index);
  const m = /\b([a-z]\w*)(?:\[[^\]]*\])?[?!]?\.$/.exec(before) ?? /\(\s*([a-z]\w*)\s*,\s*'$/.exec(before);
  if (!m) return undefined;
  const dotted = /\.(\w+)\.(?:fields\.)?$/.exec(before);
  return dotted && dotted[1] !== m[1] ? dotted[1] : m[1];
}

/** In a comment, a Markdown paragraph or a user message: an unqualified name there is about an object. */
function isProse(file: string, text: string, index: number): boolean {
  if (file.endsWith('.md')) return true;
  const { line, start } = lineAt(text, index);
  const col = index - start;
  if (/^\s*(\*|\/\/|\/\*)/.test(line)) return true;
  const slashes = line.indexOf('//');
  if (slashes >= 0 && slashes < col && !/['"`][^'"`]*\/\//.test(line.slice(0, slashes + 2))) return true;
  // Inside a regular expression literal with a space: a message (`/cannot create Offering__c/`).
  if (/(?:^|[(,:=]\s*)\/(?:[^/\n\\]|\\.)*\s(?:[^/\n\\]|\\.)*$/.test(line.slice(0, col))) return true;
  // Inside a quoted sentence (a space in the same string before the name).
  return /['"`][^'"`]*\s[^'"`]*$/.test(line.slice(0, col)) && !/\bSELECT\b/i.test(line);
}

/** Apex: the declared sObject type of the receiver (`opp.X`, `cells[0].X`, `opp?.X`). */
function receiverType(schema: Schema, text: string, index: number, file: string): string | undefined {
  const v = receiverName(text, index);
  if (!v) return undefined;
  const types = new Set<string>();
  const decl = /\.(cls|trigger)$/.test(file)
    ? new RegExp(`\\b(?:List<|Set<|Map<\\w+,\\s*)?(\\w+)>?\\s+${esc(v)}\\s*[=;:,)]`, 'g')
    : new RegExp(`\\b${esc(v)}\\s*:\\s*(?:readonly\\s+)?(\\w+)(?:\\[\\])?`, 'g');
  let d: RegExpExecArray | null;
  while ((d = decl.exec(text))) if (schema.objects.has(d[1])) types.add(d[1]);
  return types.size === 1 ? [...types][0] : undefined;
}

/** XML structure around the occurrence. */
function xmlObject(schema: Schema, text: string, index: number, file: string): string | undefined {
  // Report type column: <columns> ... <field>X</field> <table>PATH</table>
  const colStart = text.lastIndexOf('<columns>', index);
  const colEnd = text.indexOf('</columns>', index);
  if (colStart >= 0 && colEnd > 0 && text.lastIndexOf('</columns>', index) < colStart) {
    const block = text.slice(colStart, colEnd);
    const table = tag(block, 'table');
    if (table) {
      const [head, ...rest] = table.split('.');
      return resolvePath(
        schema,
        head,
        rest.map((s) => s)
      );
    }
  }
  // Layout related list: <relatedLists> <fields>X</fields> ... <relatedList>Obj.Field</relatedList>
  const rlStart = text.lastIndexOf('<relatedLists>', index);
  const rlEnd = text.indexOf('</relatedLists>', index);
  if (rlStart >= 0 && rlEnd > 0 && text.lastIndexOf('</relatedLists>', index) < rlStart) {
    const rl = tag(text.slice(rlStart, rlEnd), 'relatedList');
    if (rl) return rl.split('.')[0];
  }
  const objDir = new RegExp(`^${esc(OBJECTS_DIR)}/(\\w+)/`).exec(file);
  if (objDir) return objDir[1];
  const layout = /\/layouts\/(\w+?)-[^/]*\.layout-meta\.xml$/.exec(file);
  if (layout) return layout[1];
  return undefined;
}

function markdownObject(schema: Schema, text: string, index: number): string | undefined {
  const head = text.slice(0, index);
  const re = /^#+ .*$/gm;
  let last: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) last = m[0];
  if (!last) return undefined;
  const names = [...last.matchAll(/`?(\w+)`?/g)].map((x) => x[1]).filter((n) => schema.objects.has(n));
  return names[0];
}

function owns(schema: Schema, object: string, name: string): boolean {
  const field = name.replace(/__r$/, '__c');
  return schema.oldFields.get(object)?.has(field) ?? false;
}

export function decide(schema: Schema, file: string, text: string, index: number, name: string): Occurrence {
  const field = name.replace(/__r$/, '__c');
  const occ = (rename: boolean, reason: string, undecided = false): Occurrence => ({
    index,
    name,
    field,
    rename,
    reason,
    undecided
  });
  const { line } = lineAt(text, index);
  for (const r of MANUAL) {
    if (!r.file.test(file) || !r.line.test(line) || (r.names && !r.names.test(name))) continue;
    if (r.decision === 'bundle') return occ(false, 'manual: readable bundle name');
    if (r.decision === 'keep') return occ(false, 'manual: keep');
    if (r.decision === 'rename') return occ(true, 'manual: rename');
    return occ(owns(schema, r.decision, name), `manual: ${r.decision}`);
  }
  const ambiguous = schema.ambiguous.has(field);
  if (!ambiguous) return occ(true, 'only a standard-object field has this name');
  if (isObjectPosition(schema.objects, schema.pureObjects, text, index, name, file))
    return occ(false, 'object name');
  // ['Object', 'Field'] and f(ctx, 'Object', 'Field') (not via(ctx, 'Target', 'LookupOnRecord', ...)).
  const pair = /(?:\[|(?<!\bvia)\(\s*(?:ctx\s*,\s*)?)\s*['"](\w+)['"]\s*,\s*['"]$/.exec(
    text.slice(Math.max(0, index - 120), index)
  );
  if (pair && schema.pureObjects.has(pair[1]))
    return occ(owns(schema, pair[1], name), `pair ['${pair[1]}', field]`);
  const lit = literalContext(schema, text, index, name);
  if (lit === 'object') return occ(false, 'object name (a list or literal of objects)');
  if (lit) return occ(owns(schema, lit, name), `literal with object: '${lit}'`);
  const got = /\b(?:get|lookup|retrieve)\(\s*['"](\w+)['"][^()]*\)[!?]?\.$/.exec(
    text.slice(Math.max(0, index - 160), index)
  );
  if (got && schema.objects.has(got[1])) return occ(owns(schema, got[1], name), `record of ${got[1]}`);
  const isXml = file.endsWith('.xml');
  const soql = soqlObject(schema, text, index);
  const q = qualifierObject(
    schema,
    text,
    index,
    soql ?? (isXml ? xmlObject(schema, text, index, file) : undefined)
  );
  if (q) return occ(owns(schema, q, name), `qualifier ${q}`);
  if (q === undefined) return occ(false, 'qualifier not resolved', true);
  if (isXml) {
    const x = xmlObject(schema, text, index, file);
    if (x) return occ(owns(schema, x, name), `xml ${x}`);
  }
  if (soql) return occ(owns(schema, soql, name), `soql FROM ${soql}`);
  // A receiver (`opp.X`) says more than the call around it (`new Landscape_Cell__c(Offering__c = opp.X)`).
  const recv = receiverType(schema, text, index, file);
  if (recv) return occ(owns(schema, recv, name), `receiver ${recv}`);
  const rv = receiverName(text, index);
  if (rv) {
    const it = iterationObject(schema, text, index, rv);
    if (it) return occ(owns(schema, it, name), `rows of ${rv}: ${it}`);
    const sib = siblingObject(schema, text, index, rv);
    if (sib) return occ(owns(schema, sib, name), `fields next to ${rv}: ${sib}`);
    const hint = nameHint(rv);
    if (hint) return occ(owns(schema, hint, name), `name ${rv}: ${hint}`);
  }
  const call = enclosingCallObject(schema, text, index);
  if (call) return occ(owns(schema, call, name), `call ${call}`);
  const entry = entryKeyObject(schema, text, index);
  if (entry) return occ(owns(schema, entry, name), `entry '${entry}.…'`);
  if (file.endsWith('.md')) {
    const md = markdownObject(schema, text, index);
    if (md) return occ(owns(schema, md, name), `heading ${md}`);
  }
  if (isProse(file, text, index)) return occ(false, 'prose: an object or a custom object field');
  const def = FILE_DEFAULTS.find((d) => d.file.test(file));
  if (def) return occ(owns(schema, def.object, name), `file default ${def.object}`);
  return occ(false, 'undecided', true);
}

// ---------------------------------------------------------------------------------------------
// Files.

export function nameRegex(schema: Schema): RegExp {
  const bases = [...new Set([...schema.oldNames].map((n) => n.replace(/__c$/, '')))].sort(
    (a, b) => b.length - a.length
  );
  // Case-insensitive: Apex, SOQL and formulas are, and lower-cased keys (`'bant_score__c'`) are common.
  return new RegExp(`(?<![A-Za-z0-9_])(?:${bases.map(esc).join('|')})__[cr](?![A-Za-z0-9_])`, 'gi');
}

/** The prefix in the case of the name it goes on (`keyplan_stance__c`, `KEYPLAN_STANCE__C`). */
function prefixFor(matched: string): string {
  if (matched === matched.toLowerCase()) return PREFIX.toLowerCase();
  if (matched === matched.toUpperCase()) return PREFIX.toUpperCase();
  return PREFIX;
}

export function isBundleFile(file: string): boolean {
  return BUNDLE_FILES.some((r) => r.test(file));
}

/** Decides every occurrence of an old name in one file's text. */
export function scan(schema: Schema, file: string, text: string): Occurrence[] {
  if (isBundleFile(file)) return [];
  const re = nameRegex(schema);
  const canon = new Map([...schema.oldNames].map((n) => [n.slice(0, -3).toLowerCase(), n.slice(0, -3)]));
  const out: Occurrence[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (file === MAP_FILE && !/['"]$/.test(text.slice(0, m.index))) continue;
    const name = canon.get(m[0].slice(0, -3).toLowerCase())! + m[0].slice(-3).toLowerCase();
    out.push({ ...decide(schema, file, text, m.index, name), matched: m[0] });
  }
  return out;
}

export function apply(text: string, occurrences: readonly Occurrence[]): string {
  let out = '';
  let last = 0;
  for (const o of occurrences) {
    if (!o.rename) continue;
    const matched = o.matched ?? o.name;
    out += text.slice(last, o.index) + prefixFor(matched) + matched;
    last = o.index + matched.length;
  }
  return out + text.slice(last);
}

/** Repository files to look at (tracked and untracked, not ignored), relative, `/`-separated. */
export function listFiles(root: string, only: readonly string[] = []): string[] {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore']
    })
      .split('\0')
      .filter(Boolean);
  } catch {
    files = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(path.join(root, d), { withFileTypes: true })) {
        const rel = d ? `${d}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.some((r) => r.test(`${rel}/`))) walk(rel);
        } else files.push(rel);
      }
    };
    walk('');
  }
  return files
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !SKIP_DIRS.some((r) => r.test(f)) && !SELF.some((r) => r.test(f)))
    .filter(
      (f) => TEXT_EXT.test(f) && existsSync(path.join(root, f)) && statSync(path.join(root, f)).isFile()
    )
    .filter((f) => !/\/lwc\/.*\.js$/.test(f) || /__(tests|mocks)__/.test(f))
    .filter((f) => only.length === 0 || only.some((o) => f === o || f.startsWith(o.replace(/\/?$/, '/'))));
}

/** Field files on standard objects still spelled without the prefix. */
export function unprefixedFieldFiles(root: string): string[] {
  const out: string[] = [];
  for (const o of STANDARD_OBJECTS) {
    const d = path.join(root, OBJECTS_DIR, o, 'fields');
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d))
      if (f.endsWith('__c.field-meta.xml') && !f.startsWith(PREFIX))
        out.push(`${OBJECTS_DIR}/${o}/fields/${f}`);
  }
  return out.sort();
}

export interface Report {
  changed: string[];
  renamedFiles: string[];
  remaining: { file: string; line: number; name: string; reason: string }[];
  undecided: { file: string; line: number; name: string; text: string }[];
  decisions: { file: string; line: number; name: string; rename: boolean; reason: string }[];
}

export function run(root: string, opts: { write: boolean; only?: readonly string[] }): Report {
  const schema = readSchema(root);
  const report: Report = { changed: [], renamedFiles: [], remaining: [], undecided: [], decisions: [] };
  for (const f of unprefixedFieldFiles(root)) {
    report.renamedFiles.push(f);
    if (opts.write) {
      const to = f.replace(/\/fields\/(\w+__c\.field-meta\.xml)$/, `/fields/${PREFIX}$1`);
      renameSync(path.join(root, f), path.join(root, to));
    }
  }
  for (const file of listFiles(root, opts.only)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const occ = scan(schema, file, text);
    if (!occ.length) continue;
    for (const o of occ) {
      const no = lineAt(text, o.index).no;
      if (schema.ambiguous.has(o.field) || o.reason.startsWith('manual'))
        report.decisions.push({ file, line: no, name: o.name, rename: o.rename, reason: o.reason });
      if (o.undecided)
        report.undecided.push({ file, line: no, name: o.name, text: lineAt(text, o.index).line.trim() });
      if (o.rename && !opts.write) report.remaining.push({ file, line: no, name: o.name, reason: o.reason });
    }
    const next = apply(text, occ);
    if (next !== text) {
      report.changed.push(file);
      if (opts.write) writeFileSync(path.join(root, file), next);
    }
  }
  return report;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const explain = args.includes('--explain');
  const only = args.filter((a) => !a.startsWith('--'));
  const rootArg = args.find((a) => a.startsWith('--root='));
  const root = rootArg ? path.resolve(rootArg.slice('--root='.length)) : path.resolve(__dirname, '..', '..');
  const report = run(root, { write: !check, only });
  // A longer name can push a line over the print width: format what we rewrote, as `npm run lint` checks it.
  const formattable = report.changed.filter((f) => /\.(ts|html|css|json|cls|trigger)$/.test(f));
  const prettier = path.join(root, 'node_modules', '.bin', 'prettier');
  if (!check && !args.includes('--no-format') && formattable.length && existsSync(prettier))
    execFileSync(prettier, ['--write', '--log-level', 'warn', ...formattable], {
      cwd: root,
      stdio: 'inherit'
    });
  if (explain)
    for (const d of report.decisions)
      console.log(`${d.rename ? 'RENAME' : 'keep  '} ${d.file}:${d.line} ${d.name}  (${d.reason})`);
  for (const u of report.undecided)
    console.log(`undecided ${u.file}:${u.line} ${u.name}: ${u.text}  -> add a MANUAL rule`);
  if (check) {
    for (const f of report.renamedFiles) console.log(`old field file ${f}`);
    for (const r of report.remaining) console.log(`old name ${r.file}:${r.line} ${r.name}`);
    const bad = report.renamedFiles.length + report.remaining.length + report.undecided.length;
    console.log(
      bad ? `keyplan-prefix --check: ${bad} old name(s) remain` : 'keyplan-prefix --check: no old names'
    );
    process.exit(bad ? 1 : 0);
  }
  console.log(
    `keyplan-prefix: renamed ${report.renamedFiles.length} field file(s), rewrote ${report.changed.length} file(s)` +
      (report.undecided.length ? `, ${report.undecided.length} undecided (left as they are)` : '')
  );
}

if (require.main === module) main();
