/**
 * @description Recounts the BANT evidence of a contact's deals when its buyer role, decision role or budget
 * owned changes (BantEvidence).
 */
trigger KeyplanContactTrigger on Contact(after update) {
    BantEvidence.contactsChanged(Trigger.new, Trigger.oldMap);
}
