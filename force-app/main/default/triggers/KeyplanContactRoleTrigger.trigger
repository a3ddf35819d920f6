/**
 * @description Keeps the BANT evidence counts of the opportunities whose contact roles change (BantEvidence).
 */
trigger KeyplanContactRoleTrigger on OpportunityContactRole(
    after insert,
    after update,
    after delete,
    after undelete
) {
    BantEvidence.contactRolesChanged(
        Trigger.isDelete ? Trigger.old : Trigger.new,
        Trigger.isUpdate ? Trigger.oldMap : null
    );
}
