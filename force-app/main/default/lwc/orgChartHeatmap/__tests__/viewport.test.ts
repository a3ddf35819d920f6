import {
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
    expect(t.canvasHeight).toBe(200 + PAD * 2);
  });

  it('fits a wide tree readable and centres its first root instead of shrinking it', () => {
    const root = { x1: 900, y1: 0, x2: 1100, y2: 80 };
    const whole = fitTransform({ width: 4000, height: 400 }, 1000, 560, false, root);
    expect(whole.scale).toBeCloseTo((1000 - PAD * 2) / 4000);
    const readable = fitTransform({ width: 4000, height: 400 }, 1000, 560, true, root);
    expect(readable.scale).toBe(0.75);
    expect(readable.tx).toBe(500 - 1000 * 0.75);
    expect(readable.canvasHeight).toBe(Math.ceil(400 * 0.75 + PAD * 2));
  });

  it('keeps the canvas between the minimum and the App Builder height', () => {
    expect(fitTransform({ width: 100, height: 20 }, 1000, 560, false, undefined).canvasHeight).toBe(240);
    expect(fitTransform({ width: 100, height: 5000 }, 1000, 560, true, undefined).canvasHeight).toBe(560);
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
