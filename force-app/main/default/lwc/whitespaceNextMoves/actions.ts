/**
 * Where each next move's action leads: the standard new-record page of an Opportunity, a
 * Relationship_Link__c or a Plan_Action__c, prefilled from the move. Pure (tested without a DOM).
 */
import { planActionDueDate, winOverSubject, type NextMove, type PlanActionPrefillInput } from 'c/keyplanCore';
import { newPlanActionPage } from 'c/planActionTarget';
import { encodeDefaultFieldValues } from 'c/whitespaceView';

export interface PageReference {
  type: string;
  attributes: Record<string, string>;
  state?: Record<string, string>;
}

export interface ActionContext {
  accountId: string;
  /** The current user (the new relationship is theirs). */
  userId: string | null;
  /** The account plan of the year, if there is one (a plan action belongs to it). */
  planId: string | null;
}

const newRecord = (objectApiName: string, values: Record<string, string | null>): PageReference => ({
  type: 'standard__objectPage',
  attributes: { objectApiName, actionName: 'new' },
  state: { defaultFieldValues: encodeDefaultFieldValues(values), navigationLocation: 'RELATED_LIST' }
});

/** The page the move's one action opens. */
export function movePage(move: NextMove, ctx: ActionContext): PageReference {
  switch (move.action) {
    case 'create-opportunity':
      return newRecord('Opportunity', {
        AccountId: ctx.accountId,
        Keyplan_Buying_Center__c: move.buyingCenterId,
        Keyplan_Offering__c: move.offeringId
      });
    case 'add-relationship':
      return newRecord('Relationship_Link__c', {
        Account__c: ctx.accountId,
        From_User__c: ctx.userId,
        To_Contact__c: move.actionContactId,
        Type__c: 'Coverage'
      });
    default:
      // Without the year's plan the component finds it first (c/planActionTarget planForAction).
      return newPlanActionPage({ id: ctx.planId ?? '', name: '' }, planActionInput(move, ctx.userId));
  }
}

/**
 * The plan action a move suggests (keyplanCore planActionPrefill): the label in words ("Win over Carla
 * Gruber (Detractor, Helicopters Europe)"), owner the current user, due in two weeks, the reason in the notes.
 */
export function planActionInput(
  move: NextMove,
  userId: string | null
): Omit<PlanActionPrefillInput, 'planId'> {
  const d = move.detractor && move.detractor.contactId === move.actionContactId ? move.detractor : null;
  const words = move.actionLabel.replace(/^Plan: /, '');
  return {
    subject: d
      ? winOverSubject({ name: d.name, stance: 'Detractor', buyingCenterName: move.buyingCenterName })
      : words.charAt(0).toUpperCase() + words.slice(1),
    ownerId: userId,
    dueDate: planActionDueDate(),
    reason: move.reason,
    relatedContact: d ? { id: d.contactId, name: d.name } : null
  };
}
