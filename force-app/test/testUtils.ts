/**
 * Shared helpers for the component tests (jest only: `.forceignore` keeps every `.ts` out of a deploy, and
 * this folder holds no metadata).
 */

/**
 * A deep copy of `value` with every null-valued object key removed: what a component receives from Apex,
 * which serialises a null DTO property by omitting it, so a key the contract types as `X | null` may be
 * `undefined`. Nulls inside arrays stay (Apex keeps them). Typed as `T` on purpose: the point is to feed a
 * component data its types say cannot happen.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutNulls(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = withoutNulls(v);
    return out as T;
  }
  return value;
}

/** How many object keys hold null anywhere in `value` (a test on `withoutNulls` data asserts it was > 0). */
export function countNullKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v: unknown) => n + countNullKeys(v), 0);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce((n: number, v: unknown) => n + (v === null ? 1 : countNullKeys(v)), 0);
  return 0;
}

/** Properties of the lightning-* stubs that the real components render as text. */
const RENDERED_PROPS = [
  'label',
  'title',
  'alternativeText',
  'value',
  'messageWhenValueMissing',
  'placeholder'
];
const LEAKED = /\b(?:undefined|null|NaN)\b/;

/**
 * Every piece of text `root` shows a user, through shadow roots: text nodes, the accessible attributes
 * (aria-label, title, alt, placeholder) and the rendered properties of the lightning-* stubs, which jest
 * does not render. Each entry names where it came from.
 */
export function shownTexts(root: Element | ShadowRoot): string[] {
  const found: string[] = [];
  const visit = (node: Node, path: string): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.textContent?.trim();
      if (t) found.push(`${path}: ${t}`);
      return;
    }
    if (node instanceof Element) {
      const here = `${path} > ${node.tagName.toLowerCase()}${node.className ? '.' + String(node.className).split(/\s+/)[0] : ''}`;
      for (const a of ['aria-label', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
        const v = node.getAttribute(a);
        if (v) found.push(`${here}[${a}]: ${v}`);
      }
      if (node.tagName.startsWith('LIGHTNING-')) {
        for (const p of RENDERED_PROPS) {
          const v = (node as unknown as Record<string, unknown>)[p];
          if (typeof v === 'string' && v) found.push(`${here}.${p}: ${v}`);
        }
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach((c) => visit(c, here));
      node.childNodes.forEach((c) => visit(c, here));
      return;
    }
    node.childNodes.forEach((c) => visit(c, path));
  };
  visit(root, '');
  return found;
}

/** The shown texts that leak a missing value as "undefined", "null" or "NaN" (expect it to equal []). */
export function leakedBlanks(root: Element | ShadowRoot): string[] {
  return shownTexts(root).filter((t) => LEAKED.test(t.slice(t.indexOf(': ') + 2)));
}
