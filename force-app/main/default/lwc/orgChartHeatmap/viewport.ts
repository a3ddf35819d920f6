/**
 * The org chart's viewport maths: which part of the layout is on screen, fitting, zooming about a point,
 * panning a person into view and the canvas height. Pure: the component keeps the state and the DOM.
 * A transform maps layout point (x, y) to screen point (x * scale + tx, y * scale + ty).
 */
import type { Rect } from 'c/keyplanCore';

export const MIN_SCALE = 0.1;
/** The chart opens at least this large (names readable); wider trees scroll and pan instead of shrinking. */
export const READABLE_SCALE = 0.75;
export const PAD = 24;
/** The canvas never gets shorter than this, however small the tree. */
export const MIN_CANVAS = 240;
export const MAX_SCALE = 2.5;
export const ZOOM_STEP = 1.25;
/** Render a margin beyond the visible area so short pans do not show empty edges. */
export const OVERSCAN = 160;

export interface Transform {
  scale: number;
  tx: number;
  ty: number;
}

/** Width and height of the viewport on screen. */
export interface Screen {
  width: number;
  height: number;
}

/** The part of the layout on screen (plus overscan), in layout coordinates. */
export function viewRect(t: Transform, screen: Screen): Rect {
  const m = OVERSCAN / t.scale;
  return {
    x1: -t.tx / t.scale - m,
    y1: -t.ty / t.scale - m,
    x2: (screen.width - t.tx) / t.scale + m,
    y2: (screen.height - t.ty) / t.scale + m
  };
}

/**
 * Fits a `size` chart: scales it to the viewport width and `maxHeight` (never above 100%). With
 * `readable`, never below READABLE_SCALE either: a wide tree then opens on its top people at a size
 * where names can be read, and the rest is a pan or a scroll away. The canvas takes the tree's height.
 * `root` is the box of the first drawn root, centred when the tree is too wide to show whole.
 */
export function fitTransform(
  size: { width: number; height: number },
  viewportWidth: number,
  maxHeight: number,
  readable: boolean,
  root: Rect | undefined
): Transform & { canvasHeight: number } {
  const { width, height } = size;
  let s =
    width && height ? Math.min(1, (viewportWidth - PAD * 2) / width, (maxHeight - PAD * 2) / height) : 1;
  if (readable) s = Math.max(s, Math.min(1, READABLE_SCALE));
  const scale = Math.max(MIN_SCALE, s);
  const canvasHeight = Math.min(maxHeight, Math.max(MIN_CANVAS, Math.ceil(height * scale + PAD * 2)));
  let tx: number;
  if (width * scale <= viewportWidth - PAD * 2) {
    tx = (viewportWidth - width * scale) / 2;
  } else {
    // Too wide to show whole: centre the top of the tree (the first root) and let the user pan.
    const cx = root ? (root.x1 + root.x2) / 2 : width / 2;
    tx = viewportWidth / 2 - cx * scale;
  }
  return { scale, tx, ty: PAD, canvasHeight };
}

/** Zooms to `next` (clamped) keeping the layout point under screen point (px, py) still. */
export function zoomAt(t: Transform, next: number, px: number, py: number): Transform {
  const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, next));
  const lx = (px - t.tx) / t.scale;
  const ly = (py - t.ty) / t.scale;
  return { scale: s, tx: px - lx * s, ty: py - ly * s };
}

/** The pan that centres `box` when any of it is off screen, or null when it is wholly on screen. */
export function panIntoView(t: Transform, box: Rect, screen: Screen): { tx: number; ty: number } | null {
  const left = box.x1 * t.scale + t.tx;
  const right = box.x2 * t.scale + t.tx;
  const top = box.y1 * t.scale + t.ty;
  const bottom = box.y2 * t.scale + t.ty;
  if (left >= 0 && top >= 0 && right <= screen.width && bottom <= screen.height) return null;
  return {
    tx: screen.width / 2 - ((box.x1 + box.x2) / 2) * t.scale,
    ty: screen.height / 2 - ((box.y1 + box.y2) / 2) * t.scale
  };
}

/** The canvas height a `layoutHeight` chart needs at `scale` (before the App Builder cap). */
export function neededCanvas(layoutHeight: number, scale: number): number {
  return Math.ceil(layoutHeight * scale + PAD * 2);
}
