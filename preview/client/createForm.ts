/**
 * The standard create form of the preview: what `standard__objectPage` / `actionName: 'new'` opens in
 * Lightning Experience. A modal with the `defaultFieldValues` the component passed (decoded as
 * lightning/pageReferenceUtils encodes them) and the object's other required fields, written to the local
 * org through its REST API (field access, validation rules and triggers apply), then every Apex wire on
 * the page refreshes, as the platform's cache does after a create. Errors show inline; nothing is written.
 */
import { refreshAllApexWires } from './apex';
import { API_VERSION, previewFetch } from './platform';

interface DescribeField {
  name: string;
  label: string;
  type: string;
  createable: boolean;
  nillable: boolean;
  defaultedOnCreate: boolean;
  picklistValues?: { value: string; label: string; active: boolean }[];
  referenceTo?: string[];
}

/** A record id as the REST API writes it (checked before it goes into a query). */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** How many records a required lookup without a default offers to choose from. */
export const LOOKUP_CHOICES = 200;

async function query<T>(soql: string): Promise<T[]> {
  const r = await previewFetch(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  if (!r.ok) return [];
  return ((await r.json()) as { records: T[] }).records;
}

/** The name a lookup shows for its record (the record's Name), or null when it cannot be read. */
async function recordName(object: string, id: string): Promise<string | null> {
  if (!RECORD_ID.test(id) || !/^\w+$/.test(object)) return null;
  const [row] = await query<{ Name?: string }>(`SELECT Name FROM ${object} WHERE Id = '${id}'`);
  return row?.Name ?? null;
}

/** `defaultFieldValues` as pageReferenceUtils encodes it: `Field=value` pairs, URI-encoded, comma-joined. */
export function decodeDefaultFieldValues(encoded: unknown): Record<string, string> {
  if (typeof encoded !== 'string' || !encoded) return {};
  return Object.fromEntries(
    encoded.split(',').flatMap((pair) => {
      const at = pair.indexOf('=');
      return at > 0 ? [[decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1))]] : [];
    })
  );
}

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** The value to send for a field from the form's text. */
function typed(f: DescribeField, text: string): unknown {
  if (text === '') return null;
  if (['currency', 'double', 'percent', 'int'].includes(f.type)) return Number(text);
  if (f.type === 'boolean') return text === 'true';
  return text;
}

/**
 * Opens the create form; resolves with the new record's id once saved, or null when cancelled.
 * `onSaved` runs after the page's Apex wires refreshed.
 */
export async function openCreateForm(
  objectApiName: string,
  defaults: Record<string, string>,
  onSaved: (id: string, name: string, label: string) => void
): Promise<void> {
  document.getElementById('kp-create-modal')?.remove();
  const res = await previewFetch(
    `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(objectApiName)}/describe`
  );
  const describe = (await res.json()) as { label: string; fields: DescribeField[] };
  const byName = new Map(describe.fields.map((f) => [f.name, f]));
  // Required fields the user must fill (a checkbox always has a value), lookups and master-details
  // included: Lightning Experience's form asks for them too.
  const required = describe.fields.filter(
    (f) => f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean'
  );
  const names = [...new Set([...Object.keys(defaults), ...required.map((f) => f.name)])].filter((n) =>
    byName.has(n)
  );
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const rows = await Promise.all(
    names.map(async (name) => {
      const f = byName.get(name)!;
      const id = `kp-create-${name}`;
      const value = defaults[name] ?? '';
      const object = f.referenceTo?.[0] ?? '';
      let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
      let shown: HTMLElement;
      if (f.type === 'reference' && value) {
        // A lookup the component chose: the related record's name, read-only, as the org's form shows
        // it; its id is what is saved.
        const hidden = el('input', { type: 'hidden', name, value }) as HTMLInputElement;
        const label = (await recordName(object, value)) ?? value;
        shown = el('input', {
          id,
          class: 'slds-input kp-create-lookup',
          type: 'text',
          readonly: '',
          'data-record-id': value
        });
        (shown as HTMLInputElement).value = label;
        input = hidden;
      } else if (f.type === 'reference') {
        // A required lookup nobody chose: a simple picker of the related records by name.
        const select = el('select', { id, class: 'slds-select', name }) as HTMLSelectElement;
        select.append(el('option', { value: '' }, '--None--'));
        const rows = /^\w+$/.test(object)
          ? await query<{ Id: string; Name?: string }>(
              `SELECT Id, Name FROM ${object} ORDER BY Name LIMIT ${LOOKUP_CHOICES}`
            )
          : [];
        for (const r of rows) select.append(el('option', { value: r.Id }, r.Name ?? r.Id));
        input = shown = select;
      } else if (f.type === 'picklist') {
        const select = el('select', { id, class: 'slds-select', name }) as HTMLSelectElement;
        const values = (f.picklistValues ?? []).filter((p) => p.active);
        select.append(el('option', { value: '' }, '--None--'));
        for (const p of values) select.append(el('option', { value: p.value }, p.label));
        select.value = value || (!f.nillable && values[0] ? values[0].value : '');
        input = shown = select;
      } else {
        const type =
          f.type === 'date'
            ? 'date'
            : ['currency', 'double', 'percent', 'int'].includes(f.type)
              ? 'number'
              : f.type === 'textarea'
                ? 'textarea'
                : 'text';
        input = el(type === 'textarea' ? 'textarea' : 'input', {
          id,
          class: type === 'textarea' ? 'slds-textarea' : 'slds-input',
          name,
          ...(type === 'textarea' ? { rows: '3' } : { type })
        }) as HTMLInputElement | HTMLTextAreaElement;
        if (type === 'number') input.setAttribute('step', 'any');
        input.value = value;
        shown = input;
      }
      if (!f.nillable) shown.setAttribute('required', '');
      inputs.set(name, input);
      return el(
        'div',
        { class: 'slds-form-element slds-m-bottom_x-small' },
        el('label', { class: 'slds-form-element__label', for: id }, `${f.nillable ? '' : '* '}${f.label}`),
        el('div', { class: 'slds-form-element__control' }, ...(input === shown ? [shown] : [shown, input]))
      );
    })
  );
  const error = el('div', { class: 'slds-text-color_error kp-create-error', role: 'alert' });
  const cancel = el(
    'button',
    { class: 'slds-button slds-button_neutral kp-create-cancel', type: 'button' },
    'Cancel'
  );
  const save = el(
    'button',
    { class: 'slds-button slds-button_brand kp-create-save', type: 'submit' },
    'Save'
  );
  const form = el(
    'form',
    { class: 'slds-modal__container' },
    el(
      'div',
      { class: 'slds-modal__header' },
      el('h1', { id: 'kp-create-title', class: 'slds-modal__title' }, `New ${describe.label}`)
    ),
    el('div', { class: 'slds-modal__content slds-p-around_medium' }, ...rows, error),
    el('div', { class: 'slds-modal__footer' }, cancel, save)
  );
  const modal = el(
    'div',
    { id: 'kp-create-modal' },
    el(
      'section',
      {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'kp-create-title',
        class: 'slds-modal slds-fade-in-open'
      },
      form
    ),
    el('div', { class: 'slds-backdrop slds-backdrop_open' })
  );
  const close = (): void => modal.remove();
  cancel.addEventListener('click', close);
  modal.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') close();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      error.textContent = '';
      const body: Record<string, unknown> = {};
      for (const [name, input] of inputs) body[name] = typed(byName.get(name)!, input.value);
      const r = await previewFetch(
        `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(objectApiName)}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body)
        }
      );
      const out = (await r.json().catch(() => null)) as { id?: string } | { message: string }[] | null;
      if (!r.ok || !out || Array.isArray(out) || !out.id) {
        error.textContent = Array.isArray(out) ? out.map((x) => x.message).join(' ') : `HTTP ${r.status}`;
        return;
      }
      close();
      await refreshAllApexWires();
      onSaved(out.id, String(body.Name ?? out.id), describe.label);
    })();
  });
  document.body.append(modal);
  form.querySelector<HTMLElement>('input:not([type="hidden"]):not([readonly]), select, textarea')?.focus();
}
