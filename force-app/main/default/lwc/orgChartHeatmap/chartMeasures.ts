/**
 * The org chart's derived measures, computed once per data change (a load or a save): relationship heat
 * (our team's links and activity), influence (the customer's own network) and its ranking, the account
 * team, coverage and its worklist, and the colouring of each mode (computed on first use, then cached: a
 * recolour is a map swap). The definitions are in `keyplanCore` (see docs/DEFINITIONS.md); this module
 * only holds their results for the view model (`viewModel.ts`).
 */
import {
  accountTeam,
  analyseCoverage,
  colourContacts,
  computeHeat,
  computeInfluence,
  coverageWorklist,
  rankByInfluence,
  type AccountTeam,
  type ActivityAggregate,
  type ColourMode,
  type ContactActivity,
  type ContactHeat,
  type ContactInfluence,
  type CoverageReport,
  type KeyplanSettings,
  type LegendEntry,
  type RosterMember,
  type WorklistGroup
} from 'c/keyplanCore';
import type { ContactNode, OrgChartData } from '@keyplan/contracts';
import { activityHeat } from './activitySource';
import type { NodeColour } from './nodeView';

export interface MeasureOptions {
  today: Date;
  settings?: Partial<KeyplanSettings>;
  activity: readonly ActivityAggregate[];
  buyingCenterNames: Map<string, string>;
  /** The account team (OrgChartController.getAccountTeam); empty without Account Teams or before it arrives. */
  roster?: readonly RosterMember[];
}

/** The measures of one state of the chart data (rebuilt whole after every change of contacts or links). */
export class ChartMeasures {
  readonly heat: Map<string, ContactHeat>;
  readonly influence: Map<string, ContactInfluence>;
  /** 1 = most influential contact of the account. */
  readonly influenceRank: Map<string, number>;
  /** Contacts marked as placeholders (roles, not people): left out of every count. */
  readonly placeholders: Set<string>;
  team!: AccountTeam;
  /** Our team's users for the "who on our side" pickers. */
  teamUsers!: { label: string; value: string; meta: string }[];
  readonly activity: Map<string, ContactActivity>;
  readonly coverage: CoverageReport;
  private colourCache = new Map<ColourMode, { colours: Map<string, NodeColour>; legend: LegendEntry[] }>();
  private worklistCache: WorklistGroup[] | null = null;

  constructor(
    private readonly data: OrgChartData,
    byId: ReadonlyMap<string, ContactNode>,
    options: MeasureOptions
  ) {
    const { today, settings } = options;
    const fromActivity = activityHeat(options.activity, byId.keys(), data.links);
    this.activity = fromActivity.activity;
    this.heat = computeHeat(byId.keys(), fromActivity.links, { today, settings });
    this.influence = computeInfluence(byId.keys(), data.links, { today, settings });
    this.placeholders = new Set(data.contacts.filter((c) => c.placeholder).map((c) => c.id));
    this.influenceRank = new Map(rankByInfluence(this.influence).map((id, i) => [id, i + 1]));
    this.setRoster(options.roster ?? []);
    this.coverage = analyseCoverage(data.contacts, data.links, {
      today,
      settings,
      buyingCenterNames: options.buyingCenterNames,
      activity: this.activity
    });
  }

  /** The account team lane and pickers with this roster (the account team arrives beside the chart). */
  setRoster(roster: readonly RosterMember[]): void {
    this.team = accountTeam(this.data.contacts, this.data.links, roster);
    this.teamUsers = this.team.members.map((m) => ({
      label: m.name,
      value: m.userId,
      meta: m.onTeam
        ? `Account team${m.role ? `: ${m.role}` : ''}${m.covers.length ? ' · knows people here' : ''}`
        : 'Knows people here'
    }));
  }

  /** The colouring of a mode (cached per mode). */
  colouring(mode: ColourMode): { colours: Map<string, NodeColour>; legend: LegendEntry[] } {
    let c = this.colourCache.get(mode);
    if (!c) {
      c = colourContacts(this.data.contacts, mode, {
        heat: this.heat,
        influence: this.influence,
        coverage: this.coverage
      });
      this.colourCache.set(mode, c);
    }
    return c;
  }

  /** Coverage as a worklist: grouped, by money at stake, one action each (computed on first use). */
  get worklist(): WorklistGroup[] {
    if (!this.worklistCache)
      this.worklistCache = coverageWorklist(
        this.coverage.issues,
        this.data.contacts,
        this.data.buyingCenters
      );
    return this.worklistCache;
  }
}
