import {
  DEFAULT_SETTINGS,
  bantScore,
  effectiveSettings,
  overrideFieldOf,
  settingsFromData,
  shownBantScore
} from 'c/keyplanCore';

describe('the org settings in the core', () => {
  it('settingsFromData: the org values over the built-in defaults, blanks and unknown names ignored', () => {
    expect(settingsFromData(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = settingsFromData({ values: { Heat_Hot: 61, Heat_Warm: null, Not_A_Setting: 3 } });
    expect(s.Heat_Hot).toBe(61);
    expect(s.Heat_Warm).toBe(DEFAULT_SETTINGS.Heat_Warm);
    expect(Object.keys(s)).toEqual(Object.keys(DEFAULT_SETTINGS));
  });

  it('effectiveSettings: override over default, the Apex rule', () => {
    const records = [
      { DeveloperName: 'Heat_Hot', Value__c: 50 },
      { DeveloperName: 'Heat_Warm', Value__c: 25 }
    ];
    expect(effectiveSettings(records, { [overrideFieldOf('Heat_Hot')]: 70, Heat_Warm__c: null })).toEqual({
      values: { Heat_Hot: 70, Heat_Warm: 25 },
      overridden: ['Heat_Hot']
    });
    expect(effectiveSettings(records, null).overridden).toEqual([]);
  });

  it('shownBantScore: the saved formula value, else the core with the given settings', () => {
    const statuses = {
      budgetStatus: 'Confirmed',
      authorityStatus: null,
      needStatus: null,
      timingStatus: null,
      budgetEvidence: 'The CFO confirmed it',
      contactRoles: []
    };
    expect(shownBantScore({ ...statuses, bantScore: 12 })).toBe(12);
    expect(shownBantScore({ ...statuses, bantScore: 0 })).toBe(0);
    expect(shownBantScore({ ...statuses, bantScore: null }, { BANT_Weight_Budget: 70 })).toBe(70);
    expect(shownBantScore(statuses)).toBe(bantScore(statuses));
    // Without its evidence a Confirmed scores as Identified.
    expect(shownBantScore({ ...statuses, budgetEvidence: null })).toBe(
      bantScore({ ...statuses, budgetStatus: 'Identified' })
    );
  });
});
