/**
 * What the person panel says about our relationship with a person: the heat line names where the heat comes
 * from (recorded team links, and links derived from logged activity), and the "Our team" line never says that
 * nobody knows them while logged activity shows our people in touch. One count for both: the team links heat
 * read (keyplanCore computeHeat over mergeTeamLinks), less the recorded ones on the panel.
 */
export interface HeatFigures {
  heat: number;
  band: string;
  /** Team links heat counted: recorded ones plus those derived from activity (not overridden). */
  teamLinks: number;
}

export interface RecordedTeamLink {
  fromUserId: string | null;
  polarity: string | null;
  strength: number | null;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** People of ours heat knows only from logged activity (no recorded link of theirs overrides it). */
export function fromActivity(h: HeatFigures | null | undefined, recorded: number): number {
  return h ? Math.max(0, h.teamLinks - recorded) : 0;
}

/** "43 (warm), from 1 recorded team link and logged activity with 2 of our people". */
export function heatText(h: HeatFigures | null | undefined, recorded: number): string {
  if (!h) return '\u00a0';
  const derived = fromActivity(h, recorded);
  const parts = [
    recorded ? plural(recorded, 'recorded team link', 'recorded team links') : null,
    derived ? `logged activity with ${plural(derived, 'of our people', 'of our people')}` : null
  ].filter((p): p is string => p !== null);
  return parts.length
    ? `${h.heat} (${h.band}), from ${parts.join(' and ')}`
    : `${h.heat} (${h.band}), no team link or logged activity`;
}

/** The "Our team" line: who knows them by a recorded relationship, or what activity shows instead. */
export function knownByText(links: readonly RecordedTeamLink[], derived: number): string {
  const team = links.filter((l) => l.polarity !== 'Negative');
  const negative = links.length - team.length;
  if (team.length) {
    const people = new Set(team.map((l) => l.fromUserId)).size;
    const best = Math.max(...team.map((l) => l.strength ?? 0));
    return `Known by ${people} of our people; strongest relationship ${best} of 5.`;
  }
  const neg = negative ? ` (${negative} negative)` : '';
  if (derived)
    return `No positive relationship recorded${neg}; logged activity shows ${plural(derived, 'of our people', 'of our people')} in touch (see Activity). Record it to make it count as a relationship.`;
  return `Nobody on our team has a positive relationship with them${neg}.`;
}
