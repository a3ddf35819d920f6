import { LightningElement, api } from 'lwc';

interface Entry {
  key: string;
  label: string;
  colour: string;
  count: number;
}

/** Explains the current node colouring (with counts) and how relationship links are drawn. */
export default class OrgChartLegend extends LightningElement {
  @api heading = 'Colour';
  @api entries: Entry[] = [];

  get items(): (Entry & { swatchStyle: string; text: string })[] {
    return (this.entries ?? []).map((e) => ({
      ...e,
      swatchStyle: `background:${e.colour}`,
      text: `${e.label} (${e.count})`
    }));
  }
}
