import { z } from 'zod';
import { FieldAccess, InfluenceLevel, IsoDate, IsoDateTime, Money, ScopeAccounts, SfId } from './common';

export const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Unknown'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

export const DECISION_ROLES = ['Decision Maker', 'Influencer', 'Gatekeeper', 'User'] as const;
export const DecisionRole = z.enum(DECISION_ROLES);
export type DecisionRole = z.infer<typeof DecisionRole>;

export const BUYER_ROLES = ['Economic Buyer', 'User Buyer', 'Technical Buyer', 'Coach'] as const;
export const BuyerRole = z.enum(BUYER_ROLES);
export type BuyerRole = z.infer<typeof BuyerRole>;

export const RESPONSE_MODES = ['Growth', 'Trouble', 'Even Keel', 'Overconfident'] as const;
export const ResponseMode = z.enum(RESPONSE_MODES);
export type ResponseMode = z.infer<typeof ResponseMode>;

export const LINK_TYPES = ['Influence', 'Informal', 'Dotted Line', 'Coverage'] as const;
export const LinkType = z.enum(LINK_TYPES);
export type LinkType = z.infer<typeof LinkType>;

export const FREQUENCIES = ['Weekly', 'Monthly', 'Quarterly', 'Rarely'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const POLARITIES = ['Positive', 'Negative'] as const;
export const Polarity = z.enum(POLARITIES);
export type Polarity = z.infer<typeof Polarity>;

/** One Contact on the org chart, with the stakeholder fields Keyplan adds. */
export const ContactNode = z.object({
  id: SfId,
  name: z.string().min(1),
  /** The company the person works for: an account of the scope (absent in data from before group plans). */
  accountId: SfId.nullable().optional(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  reportsToId: SfId.nullable(),
  buyingCenterId: SfId.nullable(),
  stance: Stance.nullable(),
  decisionRole: DecisionRole.nullable(),
  buyerRole: BuyerRole.nullable(),
  responseMode: ResponseMode.nullable(),
  influenceLevel: InfluenceLevel.nullable(),
  budgetOwned: Money.nullable(),
  /**
   * A role we know exists but cannot name yet ("the CISO, unknown"): drawn, never counted as a contact.
   * Optional for readers of older payloads; absent means false.
   */
  placeholder: z.boolean().optional(),
  /** SystemModstamp/LastModifiedDate when read; sent back on save so a stale edit is refused. */
  lastModified: IsoDateTime
});
export type ContactNode = z.infer<typeof ContactNode>;

/** One Relationship_Link__c: from a contact or from one of our users, to a contact. */
export const RelationshipLinkDto = z
  .object({
    id: SfId,
    fromContactId: SfId.nullable(),
    fromUserId: SfId.nullable(),
    fromUserName: z.string().nullable(),
    toContactId: SfId,
    type: LinkType.nullable(),
    strength: z.number().int().min(1).max(5).nullable(),
    frequency: Frequency.nullable(),
    influenceLevel: InfluenceLevel.nullable(),
    polarity: Polarity.nullable(),
    lastInteraction: IsoDate.nullable(),
    lastModified: IsoDateTime
  })
  .refine((l) => (l.fromContactId === null) !== (l.fromUserId === null), {
    message: 'Exactly one of fromContactId and fromUserId must be set',
    path: ['fromContactId']
  });
export type RelationshipLinkDto = z.infer<typeof RelationshipLinkDto>;

export const RELATIONSHIP_STATUSES = [
  'Not Engaged',
  'Developing',
  'Established',
  'Strong',
  'At Risk'
] as const;
export const RelationshipStatus = z.enum(RELATIONSHIP_STATUSES);
export type RelationshipStatus = z.infer<typeof RelationshipStatus>;

/** One of our users the link form offers as "who on our team knows this person". */
export const TeamUserOption = z.object({
  id: SfId,
  name: z.string().min(1),
  title: z.string().nullable(),
  /** Already holds a relationship link (From_User__c) to someone of the account or its subsidiaries. */
  linked: z.boolean(),
  /** The user's role on the account team (TeamMemberRole); absent or null when not a member. */
  teamRole: z.string().nullable().optional()
});
export type TeamUserOption = z.infer<typeof TeamUserOption>;

/**
 * What `OrgChartController.searchTeamUsers` returns: at most 20 active standard users whose name or title
 * contains the (trimmed) term, account team members first, then linked ones, each group by name; `truncated`
 * when more matched.
 */
export const TeamUserSearch = z.object({
  term: z.string().min(2),
  users: z.array(TeamUserOption).max(20),
  truncated: z.boolean()
});
export type TeamUserSearch = z.infer<typeof TeamUserSearch>;

/** One of our users on the account team (AccountTeamMember) of an account of the scope. */
export const AccountTeamMember = z.object({
  userId: SfId,
  name: z.string().min(1),
  title: z.string().nullable().optional(),
  /** TeamMemberRole (a picklist each org defines: "Account Manager", "Executive Sponsor", ...). */
  role: z.string().nullable().optional(),
  /** The account of the scope whose team the user is on (the plan's account preferred). */
  accountId: SfId
});
export type AccountTeamMember = z.infer<typeof AccountTeamMember>;

/**
 * What `OrgChartController.getAccountTeam` returns: the account team of the account and its descendants,
 * each user once, by name (at most 200 rows read). `available` is false in an org without Account Teams (the
 * object does not exist there) or when the user cannot read it; `members` is then empty.
 */
export const AccountTeam = z.object({
  available: z.boolean(),
  members: z.array(AccountTeamMember).max(200),
  truncated: z.boolean()
});
export type AccountTeam = z.infer<typeof AccountTeam>;

/** A buying center as the org chart needs it (filter and colour by). */
export const BuyingCenterDto = z.object({
  id: SfId,
  name: z.string().min(1),
  parentId: SfId.nullable(),
  relationshipStatus: RelationshipStatus.nullable(),
  active: z.boolean()
});
export type BuyingCenterDto = z.infer<typeof BuyingCenterDto>;

/**
 * One page of an account's org chart, what `OrgChartController.loadOrgChartPage` returns. Pages carry at most
 * 2,000 contacts (keyset on Id) or 4,000 links (newest first), contacts first; call again with `nextCursor`
 * until it is null. Buying centers and field access come with the first page (empty on later ones).
 */
export const OrgChartPage = z.object({
  accountId: SfId,
  accountName: z.string(),
  contacts: z.array(ContactNode),
  links: z.array(RelationshipLinkDto),
  buyingCenters: z.array(BuyingCenterDto),
  /** The accounts the chart spans (the account and its descendants), on the first page only. */
  accounts: ScopeAccounts,
  /** Contacts and links of the scope the user can see (the progress line's totals). */
  totalContacts: z.number().int().nonnegative(),
  totalLinks: z.number().int().nonnegative(),
  /** The buying centers were cut at their bound (500). */
  truncated: z.boolean(),
  /** Opaque; null (or absent: Apex leaves nulls out) on the last page. */
  nextCursor: z.string().min(1).nullable(),
  /**
   * On the first page of a chart with more contacts than one page: the contacts' and the links' own chains
   * (opaque cursors), which a reader may follow side by side, each to its null `nextCursor`, instead of
   * following `nextCursor` alone. Both ways read every contact and link exactly once.
   */
  parallelCursors: z.array(z.string().min(1)).nullish(),
  /** Keyed by field API name, e.g. `Contact.Keyplan_Stance__c`; empty after the first page. */
  fieldAccess: z.record(z.string(), FieldAccess)
});
export type OrgChartPage = z.infer<typeof OrgChartPage>;

/** An account's whole org chart: every page of `loadOrgChartPage` put together (see `orgChartHeatmap/pages`). */
export const OrgChartData = z.object({
  accountId: SfId,
  accountName: z.string(),
  contacts: z.array(ContactNode),
  links: z.array(RelationshipLinkDto),
  buyingCenters: z.array(BuyingCenterDto),
  /** The accounts the chart spans (the account and its descendants). */
  accounts: ScopeAccounts,
  /** All contacts of the account the user can see. */
  totalContacts: z.number().int().nonnegative(),
  /** Something was left out (the buying centers past their bound). */
  truncated: z.boolean(),
  /** Keyed by field API name, e.g. `Contact.Keyplan_Stance__c`. */
  fieldAccess: z.record(z.string(), FieldAccess)
});
export type OrgChartData = z.infer<typeof OrgChartData>;

/**
 * Saving a contact's stakeholder fields: every one of the eight is required (null clears it) and the panel
 * sends the contact's current values merged with the user's edits. A partial input is refused, naming the
 * missing properties, by Apex and the twin alike, rather than silently clearing the fields it left out. A new
 * manager must be a contact of the same account who does not report (directly or not) to this contact.
 */
export const ContactStakeholderInput = z
  .object({
    id: SfId,
    lastModified: IsoDateTime,
    stance: Stance.nullable(),
    decisionRole: DecisionRole.nullable(),
    buyerRole: BuyerRole.nullable(),
    responseMode: ResponseMode.nullable(),
    influenceLevel: InfluenceLevel.nullable(),
    buyingCenterId: SfId.nullable(),
    budgetOwned: Money.nonnegative().nullable(),
    reportsToId: SfId.nullable()
  })
  .strict()
  .refine((c) => c.reportsToId !== c.id, {
    message: 'A contact cannot report to themselves',
    path: ['reportsToId']
  });
export type ContactStakeholderInput = z.infer<typeof ContactStakeholderInput>;

/** Creating a placeholder: a role we know exists but cannot name yet ("the CISO, unknown"). */
export const PlaceholderInput = z
  .object({
    accountId: SfId,
    title: z.string().trim().min(1).max(128),
    reportsToId: SfId.nullable(),
    buyingCenterId: SfId.nullable()
  })
  .strict();
export type PlaceholderInput = z.infer<typeof PlaceholderInput>;

/** Creating (no id) or updating (id + lastModified) a relationship link. */
export const RelationshipLinkInput = z
  .object({
    id: SfId.optional(),
    lastModified: IsoDateTime.optional(),
    accountId: SfId,
    fromContactId: SfId.nullable(),
    fromUserId: SfId.nullable(),
    toContactId: SfId,
    type: LinkType,
    strength: z.number().int().min(1).max(5),
    frequency: Frequency.nullable(),
    influenceLevel: InfluenceLevel.nullable(),
    polarity: Polarity,
    lastInteraction: IsoDate.nullable(),
    notes: z.string().max(32768).nullable().optional()
  })
  .strict()
  .superRefine((l, ctx) => {
    if ((l.fromContactId === null) === (l.fromUserId === null)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Exactly one of fromContactId and fromUserId must be set',
        path: ['fromContactId']
      });
    }
    if (l.fromContactId !== null && l.fromContactId === l.toContactId) {
      ctx.addIssue({
        code: 'custom',
        message: 'A link cannot join a contact to themselves',
        path: ['toContactId']
      });
    }
    if (l.id !== undefined && l.lastModified === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'lastModified is required to update an existing link',
        path: ['lastModified']
      });
    }
  });
export type RelationshipLinkInput = z.infer<typeof RelationshipLinkInput>;
