import { countNullKeys, leakedBlanks, shownTexts, withoutNulls } from '../testUtils';

describe('withoutNulls', () => {
  it('drops null-valued keys at every depth, keeps other falsy values and array nulls, and copies', () => {
    const input = {
      a: null,
      b: 0,
      c: '',
      d: false,
      e: { f: null, g: [{ h: null, i: 1 }, null] }
    };
    const out = withoutNulls(input);
    expect(out).toEqual({ b: 0, c: '', d: false, e: { g: [{ i: 1 }, null] } });
    expect('a' in out).toBe(false);
    expect(input.e.f).toBeNull();
    expect(countNullKeys(input)).toBe(3);
    expect(countNullKeys(out)).toBe(0);
  });
});

describe('leakedBlanks', () => {
  it('finds undefined, null and NaN in text, attributes and shadow roots, not in ordinary words', () => {
    const host = document.createElement('div');
    host.innerHTML = '<p>Nullable is fine</p><span aria-label="heat NaN">ok</span>';
    const inner = document.createElement('section');
    host.appendChild(inner);
    inner.attachShadow({ mode: 'open' }).innerHTML = '<b>Owner: undefined</b>';
    const stub = document.createElement('lightning-badge') as HTMLElement & { label: string };
    stub.label = 'Tier null';
    host.appendChild(stub);
    document.body.appendChild(host);
    expect(shownTexts(host)).toContainEqual(expect.stringMatching(/p: Nullable is fine$/));
    expect(leakedBlanks(host).map((t) => t.slice(t.indexOf(': ') + 2))).toEqual([
      'heat NaN',
      'Owner: undefined',
      'Tier null'
    ]);
    host.remove();
  });
});
