/**
 * The preview page: an Account record page look (global header, account picker, SLDS page header,
 * regions) that mounts the real components with `record-id`, shows platform toasts as SLDS toasts,
 * and shows where navigation would go. Components not written yet get a note instead.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { components, missing } from 'virtual:keyplan-components';
import { apexCallCounts, apexEmits } from './apex';
import { NAVIGATE, type PageReference } from './navigation';
import { previewFetch } from './platform';
import { decodeDefaultFieldValues, openCreateForm } from './createForm';
import { SHOW_TOAST, type ShowToastEventInit } from './toast';

interface AccountRow {
  Id: string;
  Name: string;
  Industry?: string | null;
  contacts?: number;
}
interface RecordBody {
  attributes: { type: string; label?: string };
  [field: string]: unknown;
}

/** Where each component sits on the page. */
// Full-width regions: the org chart and the matrix need the width (the matrix's header controls
// wrapped letter by letter in an 8/12 column).
const REGION_OF: Record<string, 'summary' | 'main' | 'left' | 'side'> = {
  accountPlanSummary: 'summary',
  orgChartHeatmap: 'main',
  whitespaceMatrix: 'left',
  bantPanel: 'side',
  planSinceReview: 'side'
};
const TITLE_OF: Record<string, string> = {
  accountPlanSummary: 'Account plan summary',
  orgChartHeatmap: 'Org chart heatmap',
  whitespaceMatrix: 'Whitespace matrix',
  bantPanel: 'BANT',
  planSinceReview: 'Since last QBR'
};

/** State browser tests and the benchmark read (window.__keyplanPage). */
interface PageState {
  ready: boolean;
  accountId: string | null;
  mounted: Record<string, number>;
  components: string[];
  missing: string[];
  toasts: ShowToastEventInit[];
  navigations: PageReference[];
  apexCalls: () => Record<string, number>;
  apexEmits: typeof apexEmits;
}
declare global {
  interface Window {
    __keyplanPage?: PageState;
  }
}
const state: PageState = {
  ready: false,
  accountId: null,
  mounted: {},
  components: components.map((c) => c.name),
  missing: missing.map((m) => m.name),
  toasts: [],
  navigations: [],
  apexCalls: apexCallCounts,
  apexEmits
};
window.__keyplanPage = state;

type Child = Node | string | null | undefined | false;
/** Small DOM builder; text goes in as text nodes, never as HTML. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
const SVG = 'http://www.w3.org/2000/svg';
function icon(sprite: string, name: string, cls: string): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `/slds/icons/${sprite}-sprite/svg/symbols.svg#${name}`);
  svg.append(use);
  return svg;
}

async function getJson<T>(url: string): Promise<T> {
  const r = await previewFetch(url, { headers: { Accept: 'application/json' } });
  const body = (await r.json().catch(() => null)) as unknown;
  if (!r.ok) {
    const msg =
      (body as { message?: string } | null)?.message ??
      (Array.isArray(body) ? (body[0] as { message?: string })?.message : undefined);
    throw new Error(msg ?? `${url}: HTTP ${r.status}`);
  }
  return body as T;
}

// ---- toasts ----

function showToast(t: ShowToastEventInit, actions: { label: string; run: () => void }[] = []): void {
  state.toasts.push(t);
  const variant = t.variant ?? 'info';
  let message = t.message ?? '';
  (t.messageData ?? []).forEach((d, i) => {
    const label =
      typeof d === 'object' && d !== null && 'label' in d
        ? String((d as { label: unknown }).label)
        : String(d);
    message = message.replace(`{${i}}`, label);
  });
  const close = h(
    'button',
    { class: 'slds-button slds-button_icon slds-button_icon-inverse', title: 'Close', type: 'button' },
    icon('utility', 'close', 'slds-button__icon slds-button__icon_large'),
    h('span', { class: 'slds-assistive-text' }, 'Close')
  );
  const toast = h(
    'div',
    {
      class: `slds-notify slds-notify_toast slds-theme_${variant}`,
      role: variant === 'error' ? 'alert' : 'status',
      'data-variant': variant
    },
    h('span', { class: 'slds-assistive-text' }, variant),
    h(
      'span',
      {
        class: `slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top`
      },
      icon('utility', variant, 'slds-icon slds-icon_small')
    ),
    h(
      'div',
      { class: 'slds-notify__content' },
      h('h2', { class: 'slds-text-heading_small' }, t.title),
      message ? h('p', {}, message) : null,
      ...actions.map((a) => {
        const b = h(
          'button',
          { class: 'slds-button slds-button_neutral slds-m-top_x-small', type: 'button' },
          a.label
        );
        b.addEventListener('click', () => {
          toast.remove();
          a.run();
        });
        return b;
      })
    ),
    h('div', { class: 'slds-notify__close' }, close)
  );
  close.addEventListener('click', () => toast.remove());
  document.getElementById('toasts')?.append(toast);
  const sticky = t.mode === 'sticky' || actions.length > 0;
  if (!sticky) setTimeout(() => toast.remove(), variant === 'error' || variant === 'warning' ? 10000 : 5000);
}

// ---- navigation ----

async function describeRecord(id: string): Promise<RecordBody | undefined> {
  try {
    return await getJson<RecordBody>(`/preview/api/record/${encodeURIComponent(id)}`);
  } catch {
    return undefined;
  }
}

async function onNavigate(detail: { pageRef: PageReference }): Promise<void> {
  const ref = detail.pageRef;
  state.navigations.push(ref);
  const a = ref.attributes ?? {};
  const recordId = typeof a.recordId === 'string' ? a.recordId : undefined;
  if (ref.type === 'standard__objectPage' && a.actionName === 'new' && typeof a.objectApiName === 'string') {
    // The standard create form, prefilled with the component's defaultFieldValues; it writes to the local org.
    await openCreateForm(
      a.objectApiName,
      decodeDefaultFieldValues(ref.state?.defaultFieldValues),
      // As Lightning Experience words it: the object's label and the record's name.
      (id, name, label) =>
        showToast({
          title: `${label} "${name}" was created.`,
          message: id,
          variant: 'success'
        })
    );
    return;
  }
  if (!recordId) {
    showToast({ title: `Would navigate to ${ref.type}`, message: JSON.stringify(a), variant: 'info' });
    return;
  }
  const rec = await describeRecord(recordId);
  const type = rec?.attributes.type ?? (typeof a.objectApiName === 'string' ? a.objectApiName : 'record');
  const name = typeof rec?.Name === 'string' ? ` "${rec.Name}"` : '';
  const action = typeof a.actionName === 'string' && a.actionName !== 'view' ? ` (${a.actionName})` : '';
  const actions = rec
    ? [
        type === 'Account'
          ? { label: 'Open this account', run: () => (location.search = `?id=${recordId}`) }
          : { label: 'Show record', run: () => (location.hash = `#/record/${recordId}`) }
      ]
    : [];
  showToast({ title: `Would open ${type}${name}${action}`, message: recordId, variant: 'info' }, actions);
}

/** `#/record/<id>`: a simple record view of the local org's fields. */
async function showRecordModal(): Promise<void> {
  document.getElementById('kp-record-modal')?.remove();
  const m = /^#\/record\/(\w{15,18})$/.exec(location.hash);
  if (!m) return;
  const rec = await describeRecord(m[1]);
  const rows = rec
    ? Object.entries(rec)
        .filter(([k, v]) => k !== 'attributes' && v !== null && v !== '')
        .map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, String(v))))
    : [h('tr', {}, h('td', {}, `No record ${m[1]} in the local org.`))];
  const closeBtn = h('button', { class: 'slds-button slds-button_neutral', type: 'button' }, 'Close');
  const modal = h(
    'div',
    { id: 'kp-record-modal' },
    h(
      'section',
      {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'kp-record-title',
        class: 'slds-modal slds-fade-in-open'
      },
      h(
        'div',
        { class: 'slds-modal__container' },
        h(
          'div',
          { class: 'slds-modal__header' },
          h(
            'h1',
            { id: 'kp-record-title', class: 'slds-modal__title slds-hyphenate' },
            `${rec?.attributes.type ?? 'Record'}: ${String(rec?.Name ?? m[1])}`
          )
        ),
        h(
          'div',
          { class: 'slds-modal__content slds-p-around_medium' },
          h(
            'table',
            { class: 'slds-table slds-table_bordered slds-table_cell-buffer kp-record-table' },
            h('tbody', {}, ...rows)
          )
        ),
        h('div', { class: 'slds-modal__footer' }, closeBtn)
      )
    ),
    h('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' })
  );
  const close = (): void => {
    history.replaceState(null, '', location.pathname + location.search);
    modal.remove();
  };
  closeBtn.addEventListener('click', close);
  modal.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  document.body.append(modal);
  closeBtn.focus();
}

// ---- page ----

function globalHeader(accounts: AccountRow[], selected: string | null): HTMLElement {
  const select = h('select', { class: 'slds-select', id: 'kp-account-picker' }) as HTMLSelectElement;
  for (const a of accounts) {
    const label =
      a.contacts !== undefined ? `${a.Name} (${a.contacts.toLocaleString('en-US')} contacts)` : a.Name;
    const opt = h('option', { value: a.Id }, label) as HTMLOptionElement;
    opt.selected = a.Id === selected;
    select.append(opt);
  }
  select.addEventListener('change', () => (location.search = `?id=${select.value}`));
  return h(
    'header',
    { class: 'kp-global-header' },
    h('span', { class: 'kp-brand' }, 'Keyplan'),
    h('span', { class: 'kp-local' }, 'Local org preview'),
    h(
      'div',
      { class: 'kp-picker slds-form-element' },
      h('label', { class: 'slds-form-element__label slds-no-flex', for: 'kp-account-picker' }, 'Account'),
      h(
        'div',
        { class: 'slds-form-element__control slds-grow' },
        h('div', { class: 'slds-select_container' }, select)
      )
    )
  );
}

function pageHeader(rec: RecordBody): HTMLElement {
  const fields: [string, unknown][] = [
    ['Industry', rec.Industry],
    ['Type', rec.Type],
    [
      'Annual Revenue',
      typeof rec.AnnualRevenue === 'number'
        ? new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency: 'USD',
            maximumFractionDigits: 0
          }).format(rec.AnnualRevenue)
        : rec.AnnualRevenue
    ],
    ['Website', rec.Website],
    ['Account Id', rec.Id]
  ];
  return h(
    'div',
    { class: 'slds-page-header slds-page-header_record-home' },
    h(
      'div',
      { class: 'slds-page-header__row' },
      h(
        'div',
        { class: 'slds-page-header__col-title' },
        h(
          'div',
          { class: 'slds-media' },
          h(
            'div',
            { class: 'slds-media__figure' },
            h(
              'span',
              { class: 'slds-icon_container slds-icon-standard-account', title: 'Account' },
              icon('standard', 'account', 'slds-icon slds-page-header__icon')
            )
          ),
          h(
            'div',
            { class: 'slds-media__body' },
            h(
              'div',
              { class: 'slds-page-header__name' },
              h(
                'div',
                { class: 'slds-page-header__name-title' },
                h(
                  'h1',
                  {},
                  h('span', {}, 'Account'),
                  h(
                    'span',
                    { class: 'slds-page-header__title slds-truncate', title: String(rec.Name ?? '') },
                    String(rec.Name ?? '')
                  )
                )
              )
            )
          )
        )
      )
    ),
    h(
      'div',
      { class: 'slds-page-header__row slds-page-header__row_gutters' },
      h(
        'div',
        { class: 'slds-page-header__col-details' },
        h(
          'ul',
          { class: 'slds-page-header__detail-row' },
          ...fields
            .filter(([, v]) => v !== null && v !== undefined && v !== '')
            .map(([label, v]) =>
              h(
                'li',
                { class: 'slds-page-header__detail-block' },
                h('div', { class: 'slds-text-title slds-truncate', title: label }, label),
                h('div', { class: 'slds-truncate', title: String(v) }, String(v))
              )
            )
        )
      )
    )
  );
}

function missingCard(name: string): HTMLElement {
  return h(
    'article',
    { class: 'slds-card kp-missing', 'data-missing': name },
    h(
      'div',
      { class: 'slds-card__header' },
      h('h2', { class: 'slds-card__header-title' }, TITLE_OF[name] ?? name)
    ),
    h(
      'div',
      { class: 'slds-card__body slds-card__body_inner' },
      h(
        'p',
        {},
        `Not built yet: force-app/main/default/lwc/${name} does not exist (or has no compiled .js). It appears here on the next `,
        h('code', {}, 'npm start'),
        ' after it lands.'
      )
    )
  );
}

function layout(recordId: string): HTMLElement {
  const regions = {
    summary: h('div', { class: 'kp-region', 'data-region': 'summary' }),
    main: h('div', { class: 'kp-region', 'data-region': 'main' }),
    left: h('div', { class: 'kp-region', 'data-region': 'left' }),
    side: h('div', { class: 'kp-region', 'data-region': 'side' })
  };
  // `?only=a,b` mounts just those components: the browser tests and the benchmark load one at a time.
  const only = new URLSearchParams(location.search).get('only')?.split(',').filter(Boolean);
  const order = [
    'accountPlanSummary',
    'orgChartHeatmap',
    'whitespaceMatrix',
    'bantPanel',
    'planSinceReview'
  ].filter((n) => !only || only.includes(n));
  for (const name of order) {
    const region = regions[REGION_OF[name]];
    const comp = components.find((c) => c.name === name);
    if (!comp) {
      region.append(missingCard(name));
      continue;
    }
    const el = createElement(comp.tag, { is: comp.ctor });
    // Platform record pages set recordId (and objectApiName) on record-page components.
    Object.assign(el, { recordId, objectApiName: 'Account' });
    el.setAttribute('data-component', name);
    state.mounted[name] = performance.now();
    region.append(el);
  }
  return h('main', { class: 'kp-page' }, regions.summary, regions.main, regions.left, regions.side);
}

async function start(): Promise<void> {
  const app = document.getElementById('app') as HTMLElement;
  document.addEventListener(SHOW_TOAST, (e) => showToast((e as CustomEvent<ShowToastEventInit>).detail));
  document.addEventListener(
    NAVIGATE,
    (e) => void onNavigate((e as CustomEvent<{ pageRef: PageReference }>).detail)
  );
  window.addEventListener('hashchange', () => void showRecordModal());

  let accounts: AccountRow[] = [];
  try {
    accounts = await getJson<AccountRow[]>('/preview/api/accounts');
  } catch (e) {
    app.append(
      h(
        'div',
        { class: 'slds-notify slds-notify_alert slds-theme_error', role: 'alert' },
        `Could not list the local org's accounts: ${e instanceof Error ? e.message : String(e)}`
      )
    );
  }
  const wanted = new URLSearchParams(location.search).get('id');
  const selected =
    accounts.find((a) => a.Id === wanted || a.Id.slice(0, 15) === wanted)?.Id ??
    (wanted || accounts[0]?.Id || null);
  state.accountId = selected;
  app.append(globalHeader(accounts, selected));
  if (!selected) {
    app.append(
      h(
        'main',
        { class: 'kp-page' },
        h(
          'div',
          { class: 'slds-box slds-theme_default' },
          'The local org has no accounts yet. Stop and run `npm start` again to seed the demo data.'
        )
      )
    );
  } else {
    const rec = await describeRecord(selected);
    if (!rec) {
      app.append(
        h(
          'main',
          { class: 'kp-page' },
          h(
            'div',
            { class: 'slds-notify slds-notify_alert slds-theme_error', role: 'alert' },
            `No account ${selected} in the local org.`
          )
        )
      );
    } else {
      if (typeof rec.Name === 'string') document.title = `${rec.Name} · Keyplan preview`;
      app.append(h('div', { class: 'kp-page' }, pageHeader(rec)));
      app.append(layout(selected));
    }
  }
  app.removeAttribute('aria-busy');
  state.ready = true;
  void showRecordModal();
}

void start();
