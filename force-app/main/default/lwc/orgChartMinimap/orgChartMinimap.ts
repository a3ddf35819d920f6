import { LightningElement, api } from 'lwc';

interface WindowRect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The org chart's minimap: every drawn person as a dot, the part on screen as a frame. A click or a
 * tap centres the chart there (`navigate`, minimap pixels); the arrow keys and Home move the view
 * (`pan`, the key). The maths are in orgChartHeatmap/viewport.ts.
 */
export default class OrgChartMinimap extends LightningElement {
  /** The people as one SVG path, in minimap pixels. */
  @api path = '';
  @api mapWidth = 0;
  @api mapHeight = 0;
  /** The part of the chart on screen, in minimap pixels. */
  @api window: WindowRect = { x1: 0, y1: 0, x2: 0, y2: 0 };
  /** How many people the map shows (for the label). */
  @api people = 0;

  get viewBox(): string {
    return `0 0 ${this.mapWidth} ${this.mapHeight}`;
  }

  get boxStyle(): string {
    return `width: ${this.mapWidth}px; height: ${this.mapHeight}px`;
  }

  get frame(): { x: number; y: number; width: number; height: number } {
    const w = this.window ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
    return { x: w.x1, y: w.y1, width: Math.max(2, w.x2 - w.x1), height: Math.max(2, w.y2 - w.y1) };
  }

  get label(): string {
    return `Minimap of ${Number(this.people).toLocaleString('en-US')} people: click or use the arrow keys to move the view, Home for the top`;
  }

  handleClick(event: MouseEvent): void {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    // Map pixels: the SVG is drawn at its own size (1 CSS pixel per map pixel).
    const x = Math.min(this.mapWidth, Math.max(0, event.clientX - rect.left));
    const y = Math.min(this.mapHeight, Math.max(0, event.clientY - rect.top));
    this.dispatchEvent(new CustomEvent('navigate', { detail: { x, y } }));
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home'].includes(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('pan', { detail: { key: event.key } }));
  }
}
