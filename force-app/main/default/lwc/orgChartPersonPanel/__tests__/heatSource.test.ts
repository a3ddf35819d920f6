/**
 * The panel's heat line and "Our team" line tell the same story as the heat: recorded team links and logged
 * activity are named as such, and nobody is called unknown while activity shows our people in touch.
 */
import { fromActivity, heatText, knownByText } from '../heatSource';

const link = (fromUserId: string, polarity: string | null, strength: number | null) => ({
  fromUserId,
  polarity,
  strength
});

describe('heatText', () => {
  it('names the recorded links and the people heat knows from activity', () => {
    expect(heatText({ heat: 82, band: 'strong', teamLinks: 2 }, 0)).toBe(
      '82 (strong), from logged activity with 2 of our people'
    );
    expect(heatText({ heat: 43, band: 'warm', teamLinks: 3 }, 1)).toBe(
      '43 (warm), from 1 recorded team link and logged activity with 2 of our people'
    );
    expect(heatText({ heat: 60, band: 'hot', teamLinks: 2 }, 2)).toBe('60 (hot), from 2 recorded team links');
    expect(heatText({ heat: 0, band: 'cold', teamLinks: 0 }, 0)).toBe(
      '0 (cold), no team link or logged activity'
    );
    expect(heatText(undefined, 0)).toBe('\u00a0');
  });

  it('never counts a negative number of activity links', () => {
    expect(fromActivity({ heat: 0, band: 'cold', teamLinks: 1 }, 3)).toBe(0);
    expect(fromActivity(null, 0)).toBe(0);
  });
});

describe('knownByText', () => {
  it('names who knows them by a recorded positive relationship', () => {
    expect(knownByText([link('u1', 'Positive', 3), link('u2', null, 5), link('u1', 'Neutral', 2)], 4)).toBe(
      'Known by 2 of our people; strongest relationship 5 of 5.'
    );
  });

  it('says what logged activity shows when nothing positive is recorded', () => {
    expect(knownByText([], 2)).toBe(
      'No positive relationship recorded; logged activity shows 2 of our people in touch (see Activity). Record it to make it count as a relationship.'
    );
    expect(knownByText([link('u1', 'Negative', 4)], 1)).toMatch(
      /^No positive relationship recorded \(1 negative\); /
    );
  });

  it('says nobody knows them only when neither links nor activity do', () => {
    expect(knownByText([], 0)).toBe('Nobody on our team has a positive relationship with them.');
    expect(knownByText([link('u1', 'Negative', 4)], 0)).toBe(
      'Nobody on our team has a positive relationship with them (1 negative).'
    );
  });
});
