/**
 * The org chart's viewport maths: which part of the layout is on screen, fitting, zooming about a point,
 * panning a person into view, the opening view and the minimap. Pure: the component keeps the state
 * and the DOM. A transform maps layout point (x, y) to screen point (x * scale + tx, y * scale + ty).
 */
import type { LaidOutNode, Rect } from 'c/keyplanCore';

export const MIN_SCALE = 0.1;
/** The chart opens at least this large (names readable); wider trees scroll and pan instead of shrinking. */
export const READABLE_SCALE = 0.75;
export const PAD = 24;
/** The App Builder height may not be smaller than this. */
export const MIN_CANVAS = 240;
/** The canvas height when the page sets none (App Builder's default). */
export const DEFAULT_CANVAS = 640;
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
 * Fits a `size` chart into the canvas (`viewportWidth` by `canvasHeight`, the height the page gives):
 * scales it to fit (never above 100%). With `readable`, never below READABLE_SCALE either: a wide tree
 * then opens on its top people at a size where names can be read, and the rest is a pan away.
 * `root` is the box of the first drawn root, centred when the tree is too wide to show whole.
 */
export function fitTransform(
  size: { width: number; height: number },
  viewportWidth: number,
  canvasHeight: number,
  readable: boolean,
  root: Rect | undefined
): Transform & { canvasHeight: number } {
  const { width, height } = size;
  let s =
    width && height ? Math.min(1, (viewportWidth - PAD * 2) / width, (canvasHeight - PAD * 2) / height) : 1;
  if (readable) s = Math.max(s, Math.min(1, READABLE_SCALE));
  const scale = Math.max(MIN_SCALE, s);
  return { ...topView(scale, width, viewportWidth, root), canvasHeight };
}

/**
 * The top of the tree at `scale`: centred when the chart is narrower than the viewport, else the first
 * root (`root`) centred and the rest a pan away.
 */
export function topView(
  scale: number,
  width: number,
  viewportWidth: number,
  root: Rect | undefined
): Transform {
  if (width * scale <= viewportWidth - PAD * 2)
    return { scale, tx: (viewportWidth - width * scale) / 2, ty: PAD };
  const cx = root ? (root.x1 + root.x2) / 2 : width / 2;
  return { scale, tx: viewportWidth / 2 - cx * scale, ty: PAD };
}

/** The layout size that fits a `screen` at the readable zoom (what the opening view may show). */
export function readableRoom(screen: Screen): { width: number; height: number } {
  return {
    width: (screen.width - PAD * 2) / READABLE_SCALE,
    height: (screen.height - PAD * 2) / READABLE_SCALE
  };
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

/** The chart gets a minimap above this many drawn people. */
export const MINIMAP_FROM = 300;
/** The minimap's box on screen (at most; never wider than half the canvas). */
export const MINIMAP_BOX: Screen = Object.freeze({ width: 480, height: 96 });

/** Layout to minimap pixels, per axis, and the minimap's size. */
export interface MinimapFrame {
  sx: number;
  sy: number;
  width: number;
  height: number;
}

/**
 * The minimap of a `size` chart: it fills `box`, each axis scaled on its own. A compact chart of
 * 10,000 people is ~200 times wider than tall: drawn to one scale it would be a one-pixel strip.
 */
export function minimapFrame(
  size: { width: number; height: number },
  box: Screen = MINIMAP_BOX
): MinimapFrame {
  if (!size.width || !size.height) return { sx: 1, sy: 1, width: 0, height: 0 };
  // A chart smaller than the box keeps its own size on that axis.
  const width = Math.min(box.width, size.width);
  const height = Math.min(box.height, size.height);
  return { sx: width / size.width, sy: height / size.height, width, height };
}

/**
 * The drawn people as one SVG path of small squares in minimap pixels: one `cell`-sized square per
 * occupied cell, so 10,000 people are a few hundred squares in a single element.
 */
export function minimapPath(nodes: readonly LaidOutNode[], frame: MinimapFrame, cell = 2): string {
  const seen = new Set<number>();
  const parts: string[] = [];
  for (const n of nodes) {
    const gx = Math.floor(((n.x1 + n.x2) * 0.5 * frame.sx) / cell);
    const gy = Math.floor(((n.y1 + n.y2) * 0.5 * frame.sy) / cell);
    const key = gx * 65536 + gy;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`M${gx * cell} ${gy * cell}h${cell}v${cell}h${-cell}z`);
  }
  return parts.join('');
}

/** The part of the chart on screen, as a rectangle in minimap pixels (clipped to the map). */
export function minimapWindow(t: Transform, screen: Screen, frame: MinimapFrame): Rect {
  const x1 = Math.max(0, (-t.tx / t.scale) * frame.sx);
  const y1 = Math.max(0, (-t.ty / t.scale) * frame.sy);
  const x2 = Math.min(frame.width, ((screen.width - t.tx) / t.scale) * frame.sx);
  const y2 = Math.min(frame.height, ((screen.height - t.ty) / t.scale) * frame.sy);
  return { x1, y1, x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
}

/** The pan that centres the screen on layout point (x, y) at scale `t.scale`. */
export function centreOn(t: Transform, x: number, y: number, screen: Screen): { tx: number; ty: number } {
  return { tx: screen.width / 2 - x * t.scale, ty: screen.height / 2 - y * t.scale };
}

/** The minimap keys: arrows move the view by a quarter screen, Home goes back to the top left. */
export function keyPan(t: Transform, key: string, screen: Screen): { tx: number; ty: number } | null {
  const dx = screen.width / 4;
  const dy = screen.height / 4;
  switch (key) {
    case 'ArrowLeft':
      return { tx: t.tx + dx, ty: t.ty };
    case 'ArrowRight':
      return { tx: t.tx - dx, ty: t.ty };
    case 'ArrowUp':
      return { tx: t.tx, ty: t.ty + dy };
    case 'ArrowDown':
      return { tx: t.tx, ty: t.ty - dy };
    case 'Home':
      return { tx: PAD, ty: PAD };
    default:
      return null;
  }
}
