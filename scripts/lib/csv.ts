/**
 * The project's one CSV configuration, over the node-csv packages (`csv-parse`, `csv-stringify`). Every
 * CSV the project reads (the CLI's CSV import, Bulk API 2.0 uploads in the local org, Bulk results) and
 * writes (landscape export, Bulk uploads, tree tooling) goes through here, so the rules are the same
 * everywhere:
 * - reading: a UTF-8 byte order mark is dropped; blank lines are skipped; the header must name each
 *   column once (duplicates refused by name) and, when the caller gives the allowed names, only those
 *   (unknown ones refused by name); a row whose value count differs from the header is reported with
 *   its line number (every such row, not only the first); quoting errors name their line.
 * - writing: RFC 4180 quoting; with `neutralise`, text a spreadsheet would run as a formula (starting
 *   with = + - @, a tab or a carriage return: OWASP "CSV injection") gets a leading single quote.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** One CSV problem: where (file and line, or column) and what. */
export interface CsvProblem {
  where: string;
  message: string;
}

export interface CsvTable {
  /** Header names, trimmed, in file order. */
  columns: string[];
  /** Line of the header (1 unless blank lines precede it). */
  headerLine: number;
  /** Data rows with the line each starts on; values in column order (always columns.length of them). */
  rows: { line: number; values: string[] }[];
}

export interface ReadCsvOptions {
  /** Name used in messages (file name). */
  name: string;
  /** When given, every header must be one of these (case-sensitive). */
  allowed?: readonly string[];
  /** Columns that must be present. */
  required?: readonly string[];
  /** The word before a line number in messages (default "line"; the CLI's CSV import says "row"). */
  lineWord?: string;
}

/** Thrown by readCsv with every problem found. */
export class CsvInvalid extends Error {
  constructor(
    message: string,
    readonly problems: CsvProblem[]
  ) {
    super(`${message}: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    this.name = 'CsvInvalid';
  }
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Parses CSV text strictly (see the module comment). An empty text (or only blank lines) gives no
 * columns and no rows. Problems are collected and thrown together as CsvInvalid.
 */
export function readCsv(text: string, options: ReadCsvOptions): CsvTable {
  const { table, problems } = checkCsv(text, options);
  if (problems.length) throw new CsvInvalid(`${options.name} has ${problems.length} problem(s)`, problems);
  return table;
}

/**
 * readCsv without throwing: the table (rows padded or cut to the header's width) and every problem,
 * for callers that report problems of several files together. Text that is not CSV at all (a quote
 * left open) gives no rows and that one problem.
 */
export function checkCsv(text: string, options: ReadCsvOptions): { table: CsvTable; problems: CsvProblem[] } {
  const word = options.lineWord ?? 'line';
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true
    }) as ParsedRecord[];
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      return {
        table: { columns: [], headerLine: 1, rows: [] },
        problems: [
          {
            where: `${options.name}${line ? ` ${word} ${line}` : ''}`,
            message: `not valid CSV: ${err.message}`
          }
        ]
      };
    }
    throw err;
  }
  if (!parsed.length) return { table: { columns: [], headerLine: 1, rows: [] }, problems: [] };
  // info.lines is the line a record ends on; it starts as many line breaks earlier as it spans.
  const startLine = (r: ParsedRecord): number => {
    const body = r.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
    return r.info.lines - (body.match(/\r\n|\r|\n/g)?.length ?? 0);
  };
  const [head, ...data] = parsed;
  const headerLine = startLine(head);
  const columns = head.record.map((c) => c.trim());
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    const where = `${options.name} ${word} ${headerLine}, column ${i + 1} ("${c}")`;
    if (c === '') problems.push({ where, message: 'Empty column name' });
    else if (seen.has(c)) problems.push({ where, message: `Duplicate column "${c}": name each column once` });
    else if (options.allowed && !options.allowed.includes(c))
      problems.push({
        where,
        message: `Unknown column "${c}"; ${options.name} takes ${options.allowed.join(', ')}`
      });
    seen.add(c);
  });
  for (const r of options.required ?? [])
    if (!seen.has(r))
      problems.push({ where: `${options.name} ${word} ${headerLine}`, message: `Missing column "${r}"` });
  const rows = data.map((r) => {
    const line = startLine(r);
    if (r.record.length !== columns.length)
      problems.push({
        where: `${options.name} ${word} ${line}`,
        message: `has ${r.record.length} values for ${columns.length} columns`
      });
    return { line, values: columns.map((_, i) => r.record[i] ?? '') };
  });
  return { table: { columns, headerLine, rows }, problems };
}

/** A text cell a spreadsheet would run as a formula, with a leading single quote; others unchanged. */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export interface WriteCsvOptions {
  /** Neutralise formula-looking text (exports a person may open in a spreadsheet). */
  neutralise?: boolean;
  /** Text written for null/undefined (default empty). Bulk API 2.0 uploads clear fields with #N/A. */
  nullValue?: string;
  /** Line ending (default \n). */
  eol?: '\n' | '\r\n';
  /**
   * Quote every field, as the platform writes Bulk API results (jsforce reads results splitting on any
   * Bulk delimiter: an unquoted `|` or `;` in a value would split it).
   */
  quoteAll?: boolean;
}

/**
 * Writes a header and rows as CSV. Numbers and booleans are written as such; text is quoted when it
 * holds a comma, quote or line break, and (with `neutralise`) a formula-looking text is prefixed with a
 * single quote and quoted.
 */
export function writeCsv(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: WriteCsvOptions = {}
): string {
  const nullValue = options.nullValue ?? '';
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return nullValue;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return options.neutralise ? neutraliseFormula(s) : s;
  };
  return stringify([columns.map(String), ...rows.map((r) => r.map(cell))], {
    record_delimiter: options.eol === '\r\n' ? 'windows' : 'unix',
    // A neutralised cell is always quoted (it starts with a quote character a reader must keep).
    ...(options.neutralise ? { quoted_match: /^'[=+\-@\t\r]/ } : {}),
    ...(options.quoteAll ? { quoted: true, quoted_empty: true } : {})
  });
}

/** One CSV cell as writeCsv writes it (with neutralisation): for callers that build lines themselves. */
export function csvCell(v: unknown): string {
  const s =
    v === null || v === undefined
      ? ''
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : neutraliseFormula(typeof v === 'string' ? v : JSON.stringify(v));
  return stringify([[s]], { record_delimiter: 'unix', quoted_match: /^'[=+\-@\t\r]/ }).slice(0, -1);
}
