/**
 * The money measures of the whitespace matrix, as one list every phase loops over: adding a measure
 * (say "lost") is one entry here. Each measure says where its money comes from: deals of one kind
 * (won, open) or the assessed potential of a landscape cell (whitespace, competitive); see
 * docs/DEFINITIONS.md.
 */
export type DealKindCode = 0 | 1 | 2; // open, won, lost (dealKind)
export const DEAL_OPEN: DealKindCode = 0;
export const DEAL_WON: DealKindCode = 1;
export const DEAL_LOST: DealKindCode = 2;

export type MeasureSource =
  { from: 'deal'; kind: DealKindCode } | { from: 'cell'; potential: 'whitespace' | 'competitive' };

export const MEASURES = [
  { key: 'won', source: { from: 'deal', kind: DEAL_WON } },
  { key: 'pipeline', source: { from: 'deal', kind: DEAL_OPEN } },
  { key: 'potential', source: { from: 'cell', potential: 'whitespace' } },
  { key: 'competitive', source: { from: 'cell', potential: 'competitive' } }
] as const satisfies readonly { key: string; source: MeasureSource }[];

export type Measure = (typeof MEASURES)[number]['key'];
export const MEASURE_KEYS: readonly Measure[] = MEASURES.map((m) => m.key);
export const MEASURE_COUNT = MEASURES.length;

/**
 * Won, open pipeline, open whitespace potential and competitive potential (docs/DEFINITIONS.md): one
 * number per measure.
 */
export type Money3 = Record<Measure, number>;

/** Measure index per deal kind (open, won, lost); -1 when no measure counts that kind. */
export const MEASURE_OF_DEAL: readonly number[] = [DEAL_OPEN, DEAL_WON, DEAL_LOST].map((kind) =>
  MEASURES.findIndex((m) => m.source.from === 'deal' && m.source.kind === kind)
);
/** Measure indexes fed by a cell's whitespace and competitive potential (-1: none). */
export const MEASURE_OF_POTENTIAL = {
  whitespace: MEASURES.findIndex((m) => m.source.from === 'cell' && m.source.potential === 'whitespace'),
  competitive: MEASURES.findIndex((m) => m.source.from === 'cell' && m.source.potential === 'competitive')
};

export function zeroMoney(): Money3 {
  const m = {} as Money3;
  for (const k of MEASURE_KEYS) m[k] = 0;
  return m;
}

export function addMoney(a: Money3, b: Money3): void {
  for (const k of MEASURE_KEYS) a[k] += b[k];
}

/** One Float64Array per measure, in MEASURES order, each `n` long. */
export type MeasureArrays = Float64Array[];
export const measureArrays = (n: number): MeasureArrays => MEASURES.map(() => new Float64Array(n));

/** The money at one index of the measure arrays. */
export function moneyAt(arrays: MeasureArrays, at: number): Money3 {
  const m = {} as Money3;
  for (let i = 0; i < MEASURE_COUNT; i++) m[MEASURE_KEYS[i]] = arrays[i][at];
  return m;
}

/** Adds arrays[from .. from + n) into a money total. */
export function sumRange(arrays: MeasureArrays, from: number, n: number, into: Money3): void {
  for (let i = 0; i < MEASURE_COUNT; i++) {
    const a = arrays[i];
    let s = 0;
    for (let k = from; k < from + n; k++) s += a[k];
    into[MEASURE_KEYS[i]] += s;
  }
}
