import {
  topView,
  centreOn,
  keyPan,
  minimapFrame,
  minimapPath,
  minimapWindow,
  readableRoom,
  READABLE_SCALE,
  MAX_SCALE,
  MIN_SCALE,
  OVERSCAN,
  PAD,
  fitTransform,
  neededCanvas,
  panIntoView,
  viewRect,
  zoomAt
} from '../viewport';

describe('orgChartHeatmap viewport maths', () => {
  it('maps the screen back to layout space with the overscan margin', () => {
    const r = viewRect({ scale: 2, tx: -100, ty: 40 }, { width: 800, height: 600 });
    const m = OVERSCAN / 2;
    expect(r).toEqual({ x1: 50 - m, y1: -20 - m, x2: 450 + m, y2: 280 + m });
  });

  it('fits a small tree whole, centred, never above 100%', () => {
    const t = fitTransform({ width: 400, height: 200 }, 1000, 560, false, undefined);
    expect(t.scale).toBe(1);
    expect(t.tx).toBe(300);
    expect(t.ty).toBe(PAD);
    // The canvas fills the height the page gives it.
    expect(t.canvasHeight).toBe(560);
  });

  it('fits a wide tree readable and centres its first root instead of shrinking it', () => {
    const root = { x1: 900, y1: 0, x2: 1100, y2: 80 };
    const whole = fitTransform({ width: 4000, height: 400 }, 1000, 560, false, root);
    expect(whole.scale).toBeCloseTo((1000 - PAD * 2) / 4000);
    const readable = fitTransform({ width: 4000, height: 400 }, 1000, 560, true, root);
    expect(readable.scale).toBe(0.75);
    expect(readable.tx).toBe(500 - 1000 * 0.75);
    expect(readable.canvasHeight).toBe(560);
  });

  it('fits a tall tree into the canvas height, readable or whole', () => {
    expect(fitTransform({ width: 100, height: 5000 }, 1000, 560, true, undefined).scale).toBe(READABLE_SCALE);
    expect(fitTransform({ width: 100, height: 5000 }, 1000, 560, false, undefined).scale).toBeCloseTo(
      (560 - PAD * 2) / 5000
    );
  });

  it('shows the top of the tree at a zoom: centred when narrow, else on the first root', () => {
    expect(topView(0.5, 1000, 1000, undefined)).toEqual({ scale: 0.5, tx: 250, ty: PAD });
    expect(topView(1, 5000, 1000, { x1: 100, y1: 0, x2: 300, y2: 50 })).toEqual({
      scale: 1,
      tx: 300,
      ty: PAD
    });
  });

  it('gives the layout room that fits the screen at the readable zoom', () => {
    expect(readableRoom({ width: 1000, height: 640 })).toEqual({
      width: (1000 - PAD * 2) / READABLE_SCALE,
      height: (640 - PAD * 2) / READABLE_SCALE
    });
  });

  it('fills the minimap box, each axis on its own scale, and draws one square per occupied cell', () => {
    const frame = minimapFrame({ width: 48000, height: 960 });
    expect(frame).toEqual({ sx: 0.01, sy: 0.1, width: 480, height: 96 });
    // A chart smaller than the box keeps its size on that axis.
    expect(minimapFrame({ width: 200, height: 9600 })).toEqual({ sx: 1, sy: 0.01, width: 200, height: 96 });
    expect(minimapFrame({ width: 0, height: 10 })).toEqual({ sx: 1, sy: 1, width: 0, height: 0 });
    const box = (x1: number, y1: number) => ({ x1, y1, x2: x1 + 100, y2: y1 + 50 }) as never;
    // Two people share the first 2-pixel cell, the third is far right: two squares.
    expect(minimapPath([box(0, 0), box(60, 0), box(47000, 900)], frame)).toBe('M0 2h2v2h-2zM470 92h2v2h-2z');
  });

  it('frames the part on screen on the minimap, clipped to the map', () => {
    const frame = { sx: 0.01, sy: 0.1, width: 480, height: 96 };
    expect(minimapWindow({ scale: 0.5, tx: -1000, ty: 0 }, { width: 800, height: 600 }, frame)).toEqual({
      x1: 20,
      y1: 0,
      x2: 36,
      y2: 96
    });
  });

  it('centres on a point and moves by keys a quarter screen at a time', () => {
    const t = { scale: 0.5, tx: 0, ty: 0 };
    const screen = { width: 800, height: 600 };
    expect(centreOn(t, 1000, 200, screen)).toEqual({ tx: 400 - 500, ty: 300 - 100 });
    expect(keyPan(t, 'ArrowRight', screen)).toEqual({ tx: -200, ty: 0 });
    expect(keyPan(t, 'ArrowUp', screen)).toEqual({ tx: 0, ty: 150 });
    expect(keyPan(t, 'Home', screen)).toEqual({ tx: PAD, ty: PAD });
    expect(keyPan(t, 'x', screen)).toBeNull();
  });

  it('zooms about a point, keeping the layout point under it still, within the scale bounds', () => {
    const before = { scale: 1, tx: 10, ty: 20 };
    const after = zoomAt(before, 2, 110, 220);
    expect((110 - after.tx) / after.scale).toBeCloseTo((110 - before.tx) / before.scale);
    expect((220 - after.ty) / after.scale).toBeCloseTo((220 - before.ty) / before.scale);
    expect(zoomAt(before, 100, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt(before, 0.001, 0, 0).scale).toBe(MIN_SCALE);
  });

  it('pans only when a person is not wholly on screen, and then centres them', () => {
    const t = { scale: 1, tx: 0, ty: 0 };
    const screen = { width: 800, height: 600 };
    expect(panIntoView(t, { x1: 10, y1: 10, x2: 100, y2: 60 }, screen)).toBeNull();
    expect(panIntoView(t, { x1: 790, y1: 10, x2: 900, y2: 60 }, screen)).toEqual({
      tx: 400 - 845,
      ty: 300 - 35
    });
  });

  it('computes the canvas a chart needs at a scale', () => {
    expect(neededCanvas(100.2, 2)).toBe(Math.ceil(200.4 + PAD * 2));
  });
});
