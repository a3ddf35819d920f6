/**
 * Org chart search (name, title, department, stance, roles and title initials: "CFO") and the card titles
 * shortened so the division stays readable. Search lists people; it is not a filter (orgChartFilter.ts).
 */
/** What the search reads of one person. */
export interface SearchablePerson {
  id: string;
  name?: string | null;
  title?: string | null;
  department?: string | null;
  stance?: string | null;
  buyerRole?: string | null;
  decisionRole?: string | null;
}

/**
 * The initials of each comma-separated part of a title: "Group Chief Financial Officer, Finance" gives
 * ["gcfo", "f"], so "CFO" finds the group CFO. Words in lower case ("of", "and") are skipped.
 */
export function titleInitials(title: string): string[] {
  return title.split(/[,;/|]/).map((part) =>
    part
      .split(/[\s&-]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0].toLowerCase())
      .join('')
  );
}

/** Lower case without accents, so "Muller" finds "Müller". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** One person's searchable text (folded), built once per data change by `searchIndex`. */
export interface SearchEntry {
  id: string;
  text: string;
  initials: string[];
}

/** The searchable text of each person, in the order given (the chart order). */
export function searchIndex(people: readonly SearchablePerson[]): SearchEntry[] {
  return people.map((p) => ({
    id: p.id,
    text: foldText(
      [p.name, p.title, p.department, p.stance, p.buyerRole, p.decisionRole].filter(Boolean).join(' | ')
    ),
    initials: p.title ? titleInitials(p.title) : []
  }));
}

/**
 * The people a search finds, in chart order: every word of `text` must appear in the name, title,
 * department, stance, buyer role or decision role ("detractor", "economic buyer", "cfo helicopters"); a
 * word of three letters or more also matches the initials of a title part ("CFO", "CISO").
 */
export function searchPeople(index: readonly SearchEntry[], text: string): string[] {
  const words = foldText(text).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits: string[] = [];
  for (const e of index) if (words.every((w) => wordMatches(e, w))) hits.push(e.id);
  return hits;
}

function wordMatches(e: SearchEntry, w: string): boolean {
  if (e.text.includes(w)) return true;
  return w.length >= 3 && e.initials.some((i) => i.includes(w));
}

/** Common long words of job titles and their usual short forms (used only when a title does not fit). */
const TITLE_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bManaging Director\b/g, 'MD'],
  [/\bSenior Vice President\b/g, 'SVP'],
  [/\bExecutive Vice President\b/g, 'EVP'],
  [/\bVice President\b/g, 'VP'],
  [/\bDirector\b/g, 'Dir.'],
  [/\bManager\b/g, 'Mgr'],
  [/\bEngineering\b/g, 'Eng.'],
  [/\bOperations\b/g, 'Ops'],
  [/\bInformation Technology\b/g, 'IT'],
  [/\bProgramme\b|\bProgram\b/g, 'Prog.'],
  [/\bProcurement\b/g, 'Procur.'],
  [/\bDevelopment\b/g, 'Dev.']
];

/**
 * A title that fits in about `max` characters: first the usual short forms ("Managing Director" -> "MD",
 * a "Chief ... Officer" -> its initials, "CFO"), then `shortenTitle`. A title that fits is returned as is.
 */
export function fitTitle(title: string, max: number): string {
  let t = title.trim();
  if (t.length <= max) return t;
  t = t.replace(/\bChief(?: [A-Z][a-z]+)+ Officer\b/g, (m) =>
    m
      .split(' ')
      .map((w) => w[0])
      .join('')
  );
  for (const [re, short] of TITLE_ABBREVIATIONS) {
    if (t.length <= max) break;
    t = t.replace(re, short);
  }
  return shortenTitle(t, max);
}

/**
 * A title cut to about `max` characters keeping what tells people apart: the part after the last comma
 * (the division, "Helicopters Europe") stays whole and the role before it is shortened, so
 * "Managing Director, Helicopters Europe" becomes "Managing Dir…, Helicopters Europe" rather than
 * "Managing Director, Helicopt…". Without a comma the end is cut.
 */
export function shortenTitle(title: string, max: number): string {
  const t = title.trim();
  if (t.length <= max || max < 4) return t;
  const comma = t.lastIndexOf(', ');
  if (comma > 0) {
    const tail = t.slice(comma); // ", Helicopters Europe"
    const room = max - tail.length - 1;
    if (room >= 8) return `${t.slice(0, room).trimEnd()}…${tail}`;
    // Little room left for the role: keep the role, the division's start and its last word (the region).
    const role = t.slice(0, comma);
    const division = tail.slice(2);
    const last = division.slice(division.lastIndexOf(' ') + 1);
    const headRoom = max - role.length - 2 - last.length - 2;
    if (last !== division && headRoom >= 3)
      return `${role}, ${division.slice(0, headRoom).trimEnd()}… ${last}`;
    if (room >= 4) return `${t.slice(0, room).trimEnd()}…${tail}`;
    // Nothing else fits: keep the start of the role and the end of the division.
    const head = t.slice(0, Math.max(3, Math.floor((max - 3) / 2))).trimEnd();
    const end = t.slice(t.length - (max - head.length - 1)).trimStart();
    return `${head}…${end}`;
  }
  return `${t.slice(0, max - 1).trimEnd()}…`;
}
