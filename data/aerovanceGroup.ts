/**
 * Group accounts in the demo (issue 21): three Aerovance subsidiaries as child accounts, with their own people
 * and deals. Aerovance Helicopters (Germany) and its UK services arm (a grandchild: group > helicopters >
 * services) and Aerovance Services (France). The helicopter company holds $7M won and $9M of open pipeline
 * this fiscal year, partly in the group's Helicopters buying centers and partly unmapped; its managing
 * director reports to the group CEO; the UK services arm has a buying center of its own at group level.
 * Deterministic, like the rest of the demo; kept apart from data/aerovance.ts so both evolve without clashes.
 */
import type { AccountBundleInput } from '../src/bundle/schema';

type Bundle = Required<
  Pick<AccountBundleInput, 'subsidiaries' | 'buyingCenters' | 'contacts' | 'links' | 'opportunities'>
>;

export interface GroupDates {
  /** The current fiscal year (named by its start). */
  fy: number;
  dateIn: (year: number, month: number, day: number) => string;
  daysAgo: (n: number) => string;
}

/** The subsidiaries and their records, to append to the Aerovance bundle. `ceo` is the group CEO's key. */
export function aerovanceSubsidiaries({ fy, dateIn, daysAgo }: GroupDates, ceo: string): Bundle {
  const subsidiaries: Bundle['subsidiaries'] = [
    {
      key: 'av-helicopters',
      Name: 'Aerovance Helicopters GmbH',
      Industry: 'Aerospace & Defence',
      Type: 'Customer - Direct',
      AnnualRevenue: 6.8e9,
      NumberOfEmployees: 21000,
      BillingCity: 'Donauwoerth',
      BillingCountry: 'Germany',
      parent: null
    },
    {
      key: 'av-heli-services',
      Name: 'Aerovance Helicopter Services Ltd',
      Industry: 'Aerospace & Defence',
      Type: 'Customer - Direct',
      AnnualRevenue: 0.9e9,
      NumberOfEmployees: 2400,
      BillingCity: 'Oxford',
      BillingCountry: 'United Kingdom',
      parent: 'av-helicopters'
    },
    {
      key: 'av-services',
      Name: 'Aerovance Services SAS',
      Industry: 'Aerospace & Defence',
      Type: 'Customer - Direct',
      AnnualRevenue: 2.1e9,
      NumberOfEmployees: 7800,
      BillingCity: 'Marignane',
      BillingCountry: 'France',
      parent: null
    }
  ];

  const buyingCenters: Bundle['buyingCenters'] = [
    {
      key: 'heli-services-uk',
      Name: 'Helicopter Services UK',
      parent: 'heli',
      subsidiary: 'av-heli-services',
      Wallet_Size__c: 6e6,
      Sales_Goal__c: 0.8e6,
      Relationship_Status__c: 'Developing',
      Sort_Order__c: 5
    }
  ];

  const email = (first: string, last: string, domain: string): string =>
    `${first}.${last}@${domain}`.toLowerCase().replace(/[^a-z.@-]/g, '');
  const contacts: Bundle['contacts'] = [
    {
      key: 'avh-md',
      account: 'av-helicopters',
      FirstName: 'Katrin',
      LastName: 'Hollmann',
      Title: 'Managing Director, Aerovance Helicopters',
      Department: 'Executive',
      Email: email('Katrin', 'Hollmann', 'heli.aerovance.example'),
      reportsTo: ceo,
      buyingCenter: 'heli',
      Stance__c: 'Supporter',
      Decision_Role__c: 'Decision Maker',
      Buyer_Role__c: 'Economic Buyer',
      Response_Mode__c: 'Growth',
      Influence_Level__c: 'Very High',
      Budget_Owned__c: 18e6
    },
    {
      key: 'avh-cto',
      account: 'av-helicopters',
      FirstName: 'Jonas',
      LastName: 'Brenner',
      Title: 'CTO, Aerovance Helicopters',
      Department: 'Engineering',
      Email: email('Jonas', 'Brenner', 'heli.aerovance.example'),
      reportsTo: 'avh-md',
      buyingCenter: 'heli-europe',
      Stance__c: 'Champion',
      Decision_Role__c: 'Influencer',
      Buyer_Role__c: 'Technical Buyer',
      Response_Mode__c: 'Growth',
      Influence_Level__c: 'High'
    },
    {
      key: 'avh-mro',
      account: 'av-helicopters',
      FirstName: 'Miriam',
      LastName: 'Auer',
      Title: 'Head of MRO Operations',
      Department: 'Operations',
      Email: email('Miriam', 'Auer', 'heli.aerovance.example'),
      reportsTo: 'avh-md',
      buyingCenter: 'heli-europe',
      Stance__c: 'Neutral',
      Decision_Role__c: 'User',
      Buyer_Role__c: 'User Buyer',
      Response_Mode__c: 'Trouble',
      Influence_Level__c: 'Medium'
    },
    {
      key: 'avhs-gm',
      account: 'av-heli-services',
      FirstName: 'Oliver',
      LastName: 'Pennington',
      Title: 'General Manager, Helicopter Services UK',
      Department: 'Executive',
      Email: email('Oliver', 'Pennington', 'heliservices.aerovance.example'),
      reportsTo: 'avh-md',
      buyingCenter: 'heli-services-uk',
      Stance__c: 'Neutral',
      Decision_Role__c: 'Decision Maker',
      Buyer_Role__c: 'Economic Buyer',
      Response_Mode__c: 'Even Keel',
      Influence_Level__c: 'High'
    },
    {
      key: 'avhs-support',
      account: 'av-heli-services',
      FirstName: 'Grace',
      LastName: 'Whitfield',
      Title: 'Fleet Support Manager',
      Department: 'Customer Support',
      Email: email('Grace', 'Whitfield', 'heliservices.aerovance.example'),
      reportsTo: 'avhs-gm',
      buyingCenter: 'heli-services-uk',
      Stance__c: 'Detractor',
      Decision_Role__c: 'Gatekeeper',
      Buyer_Role__c: 'User Buyer',
      Response_Mode__c: 'Overconfident',
      Influence_Level__c: 'Medium'
    },
    {
      key: 'avs-dg',
      account: 'av-services',
      FirstName: 'Claire',
      LastName: 'Fontaine',
      Title: 'Directrice Generale, Aerovance Services',
      Department: 'Executive',
      Email: email('Claire', 'Fontaine', 'services.aerovance.example'),
      reportsTo: ceo,
      buyingCenter: null,
      Stance__c: 'Unknown',
      Decision_Role__c: 'Decision Maker',
      Buyer_Role__c: 'Economic Buyer',
      Influence_Level__c: 'High'
    },
    {
      key: 'avs-digital',
      account: 'av-services',
      FirstName: 'Hugo',
      LastName: 'Marchand',
      Title: 'Responsable Digital Services',
      Department: 'Digital',
      Email: email('Hugo', 'Marchand', 'services.aerovance.example'),
      reportsTo: 'avs-dg',
      buyingCenter: null,
      Stance__c: 'Supporter',
      Decision_Role__c: 'Influencer',
      Buyer_Role__c: 'Coach',
      Influence_Level__c: 'Medium'
    }
  ];

  const links: Bundle['links'] = [
    {
      key: 'group-link-1',
      fromContact: 'avh-cto',
      toContact: 'cio',
      Type__c: 'Informal',
      Strength__c: 4,
      Frequency__c: 'Monthly',
      Influence_Level__c: 'High',
      Polarity__c: 'Positive',
      Last_Interaction__c: daysAgo(12)
    },
    {
      key: 'group-link-2',
      fromUser: 'u-director',
      toContact: 'avh-md',
      Type__c: 'Coverage',
      Strength__c: 3,
      Frequency__c: 'Quarterly',
      Polarity__c: 'Positive',
      Last_Interaction__c: daysAgo(40)
    }
  ];

  const opportunities: Bundle['opportunities'] = [
    {
      key: 'avh-won-fleet-iot',
      account: 'av-helicopters',
      Name: 'Rotor fleet telemetry roll-out',
      Amount: 4.5e6,
      StageName: 'Closed Won',
      CloseDate: dateIn(fy, 6, 18),
      buyingCenter: 'heli-europe',
      offering: 'iot-platform',
      Growth_Type__c: 'Farming',
      contactRoles: [{ contact: 'avh-cto', Role: 'Technical Buyer', IsPrimary: true }]
    },
    {
      key: 'avh-won-mro-security',
      account: 'av-helicopters',
      Name: 'MRO hangar OT security',
      Amount: 2.5e6,
      StageName: 'Closed Won',
      CloseDate: dateIn(fy, 9, 30),
      buyingCenter: null,
      offering: 'ent-security',
      contactRoles: [{ contact: 'avh-mro', Role: 'Business User', IsPrimary: true }]
    },
    {
      key: 'avh-open-twin',
      account: 'av-helicopters',
      Name: 'Digital twin of the Donauwoerth line',
      Amount: 5.5e6,
      StageName: 'Proposal/Price Quote',
      CloseDate: dateIn(fy + 1, 2, 27),
      buyingCenter: 'heli-europe',
      offering: 'digital-twin',
      Growth_Type__c: 'Mining',
      Budget_Status__c: 'Confirmed',
      Authority_Status__c: 'Identified',
      Need_Status__c: 'Confirmed',
      Timing_Status__c: 'Unknown',
      contactRoles: [
        { contact: 'avh-md', Role: 'Economic Decision Maker', IsPrimary: true },
        { contact: 'avh-cto', Role: 'Technical Buyer', IsPrimary: false }
      ]
    },
    {
      key: 'avh-open-analytics',
      account: 'av-helicopters',
      Name: 'Rotorcraft engineering analytics',
      Amount: 3.5e6,
      StageName: 'Needs Analysis',
      CloseDate: dateIn(fy + 1, 1, 20),
      buyingCenter: null,
      offering: null,
      Budget_Status__c: 'Unknown',
      Authority_Status__c: 'Missing',
      Need_Status__c: 'Identified',
      Timing_Status__c: 'Identified',
      contactRoles: [{ contact: 'avh-cto', Role: 'Evaluator', IsPrimary: true }]
    },
    {
      key: 'avhs-open-support',
      account: 'av-heli-services',
      Name: 'Fleet support portal',
      Amount: 0.9e6,
      StageName: 'Qualification',
      CloseDate: dateIn(fy + 1, 3, 15),
      buyingCenter: 'heli-services-uk',
      offering: 'crm-impl',
      Budget_Status__c: 'Identified',
      Authority_Status__c: 'Unknown',
      Need_Status__c: 'Identified',
      Timing_Status__c: 'Unknown',
      contactRoles: [{ contact: 'avhs-gm', Role: 'Decision Maker', IsPrimary: true }]
    },
    {
      key: 'avs-open-cloud',
      account: 'av-services',
      Name: 'Services data platform',
      Amount: 1.6e6,
      StageName: 'Value Proposition',
      CloseDate: dateIn(fy, 12, 12),
      buyingCenter: null,
      offering: 'managed-cloud',
      Budget_Status__c: 'Identified',
      Authority_Status__c: 'Identified',
      Need_Status__c: 'Confirmed',
      Timing_Status__c: 'Identified',
      contactRoles: [{ contact: 'avs-digital', Role: 'Influencer', IsPrimary: true }]
    }
  ];
  return { subsidiaries, buyingCenters, contacts, links, opportunities };
}
