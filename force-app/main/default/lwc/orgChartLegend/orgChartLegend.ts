import { LightningElement, api } from 'lwc';

interface Entry {
  key: string;
  label: string;
  colour: string;
  count: number;
}

/**
 * Explains the current node colouring (with counts) and how relationship links are drawn. Each colour entry
 * is a toggle button: pressing it fires `select` with the entry's key (the chart then shows only the people
 * of the pressed colours); `selected` holds the keys shown pressed.
 */
export default class OrgChartLegend extends LightningElement {
  @api heading = 'Colour';
  @api entries: Entry[] = [];
  @api selected: readonly string[] = [];

  get items(): (Entry & {
    swatchStyle: string;
    text: string;
    pressed: string;
    className: string;
    title: string;
  })[] {
    const chosen = new Set(this.selected ?? []);
    return (this.entries ?? []).map((e) => ({
      ...e,
      swatchStyle: `background:${e.colour}`,
      text: `${e.label} (${e.count})`,
      pressed: String(chosen.has(e.key)),
      className: `entry entry-button${chosen.has(e.key) ? ' is-pressed' : ''}`,
      title: chosen.has(e.key) ? `Stop showing only ${e.label}` : `Show only ${e.label}`
    }));
  }

  get hint(): string {
    return (this.selected ?? []).length
      ? 'Showing only the pressed colours; press again to show everyone.'
      : 'Press a colour to show only those people.';
  }

  handleClick(event: MouseEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    if (key) this.dispatchEvent(new CustomEvent('select', { detail: { key } }));
  }
}
