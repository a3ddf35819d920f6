/**
 * JSON for bundles: `JSON.parse` silently keeps the last of duplicate member names
 * (`{"Amount": 1, "Amount": 1e20}`), so a bundle could say two things and the import would pick one.
 * `parseJsonStrict` parses, then scans the text once more (iteratively: no recursion, any depth) and
 * refuses every object that names a member twice, with its JSON path and line.
 */
import { InvalidInput } from './errors';

interface Frame {
  kind: 'object' | 'array';
  path: string;
  keys: Set<string>;
  /** Objects: the member name being read; arrays: the next index. */
  key: string | null;
  index: number;
}

const childPath = (f: Frame | undefined): string => {
  if (!f) return '';
  if (f.kind === 'array') return `${f.path}[${f.index}]`;
  return f.path ? `${f.path}.${f.key ?? ''}` : (f.key ?? '');
};

/** Parses JSON text, refusing syntax errors and duplicate member names (InvalidInput naming `file`). */
export function parseJsonStrict(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InvalidInput(`Cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const problems: { where: string; message: string }[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key))
          problems.push({
            where: `${file}: ${top.path || '(root)'} (line ${line})`,
            message: `Duplicate member "${key}": JSON keeps only one of them; name it once`
          });
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      const parent = stack[stack.length - 1];
      stack.push({
        kind: ch === '{' ? 'object' : 'array',
        path: childPath(parent),
        keys: new Set(),
        key: null,
        index: 0
      });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') expectKey = true;
      else if (top) top.index++;
    }
  }
  if (problems.length)
    throw new InvalidInput(
      `${file} has ${problems.length} duplicate member name(s); nothing was written`,
      problems
    );
  return value;
}
