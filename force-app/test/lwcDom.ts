/**
 * Shared DOM helpers for the component tests (jest only): settle renders, query inside a component's
 * shadow root (and the shadow roots of its children), and send the events lightning-* stubs and keyboard
 * users send.
 */

/** Lets the wires, the async handlers and the re-render settle. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The first element matching `sel` in `el`'s shadow root, else in a child component's shadow root. */
export function shadowQuery<T extends Element = HTMLElement>(el: Element, sel: string): T | null {
  const root = el.shadowRoot;
  if (!root) return null;
  const here = root.querySelector<T>(sel);
  if (here) return here;
  for (const child of Array.from(root.querySelectorAll('*'))) {
    if (child.shadowRoot && child.tagName.startsWith('C-')) {
      const found = shadowQuery<T>(child, sel);
      if (found) return found;
    }
  }
  return null;
}

/** Every element matching `sel` in `el`'s shadow root. */
export const shadowQueryAll = <T extends Element = HTMLElement>(el: Element, sel: string): T[] =>
  Array.from(el.shadowRoot?.querySelectorAll<T>(sel) ?? []);

/** A lightning-combobox / lightning-input change as the base components send it. */
export function changeValue(target: Element, value: string): void {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** A key press on `target` (bubbling and composed, like a real one). */
export function pressKey(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** Types `text` into a native input (sets the value and sends `input`). */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Records every event of the given names `el` dispatches (their details, in order). */
export function recordEvents(el: Element, names: string[]): { name: string; detail: unknown }[] {
  const seen: { name: string; detail: unknown }[] = [];
  for (const name of names)
    el.addEventListener(name, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
  return seen;
}
