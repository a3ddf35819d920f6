import { LightningElement } from 'lwc';

/** Explains the cell colours with the same symbol and word the cells show, so colour is never the only cue. */
export default class WhitespaceLegend extends LightningElement {
  readonly entries = [
    { key: 'won', className: 'swatch cell_won', glyph: '\u2714', text: 'Won: existing business' },
    { key: 'active', className: 'swatch cell_active', glyph: '\u25CF', text: 'Open: active opportunity' },
    { key: 'whitespace', className: 'swatch cell_whitespace', glyph: '\u25CE', text: 'Target: whitespace' },
    { key: 'competitor', className: 'swatch cell_competitor', glyph: '\u26A0', text: 'Competitor incumbent' },
    { key: 'na', className: 'swatch cell_not-applicable', glyph: '\u2205', text: 'N/A: not applicable' },
    { key: 'unassessed', className: 'swatch cell_unassessed', glyph: '\u00B7', text: 'Not assessed' }
  ];
  readonly deltas = [
    { key: 'new', className: 'glyph glyph_up', glyph: '\u25B2', text: 'new business' },
    { key: 'grown', className: 'glyph glyph_up', glyph: '\u2191', text: 'grown' },
    { key: 'shrunk', className: 'glyph glyph_down', glyph: '\u2193', text: 'shrunk' },
    { key: 'lost', className: 'glyph glyph_down', glyph: '\u25BC', text: 'lost' },
    // A year still open never says lost (docs/DEFINITIONS.md "Year over year").
    { key: 'to-renew', className: 'glyph glyph_down', glyph: '\u21BB', text: 'not renewed yet' },
    { key: 'behind', className: 'glyph glyph_down', glyph: '\u2193', text: 'behind' }
  ];
  /** The money abbreviations the cells use, spelled out. */
  readonly money = [
    { key: 'won', abbr: 'W', text: 'won' },
    { key: 'pipeline', abbr: 'P', text: 'open pipeline' },
    { key: 'potential', abbr: 'Pot', text: 'potential' }
  ];
}
