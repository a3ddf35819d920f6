/** Who the BANT "add a contact role" step offers, in which order, and the role each takes. */
import type { EvidenceContactRole } from './bant';

/** A person who could become a contact role (BantRoleCandidate). */
export interface RoleCandidate extends EvidenceContactRole {
  contactId: string;
  name: string;
  inBuyingCenter: boolean;
}

/**
 * The order the "add a contact role" step offers people in: economic buyers first, then decision makers,
 * then budget owners, then the rest; within each, the deal's own buying center first, then by name.
 * People already on the deal are left out.
 */
export function rankRoleCandidates<T extends RoleCandidate>(
  candidates: readonly T[],
  onDeal: readonly string[]
): T[] {
  const taken = new Set(onDeal);
  const tier = (c: T): number => {
    if (c.buyerRole === 'Economic Buyer') return 0;
    if (c.decisionRole === 'Decision Maker') return 1;
    return (c.budgetOwned ?? 0) > 0 ? 2 : 3;
  };
  return candidates
    .filter((c) => !taken.has(c.contactId))
    .sort(
      (a, b) =>
        tier(a) - tier(b) ||
        Number(b.inBuyingCenter) - Number(a.inBuyingCenter) ||
        a.name.localeCompare(b.name)
    );
}

/** The OpportunityContactRole.Role a candidate takes: what makes them evidence. */
export function contactRoleFor(c: EvidenceContactRole): string | null {
  if (c.buyerRole === 'Economic Buyer') return 'Economic Buyer';
  if (c.decisionRole === 'Decision Maker') return 'Decision Maker';
  return null;
}
