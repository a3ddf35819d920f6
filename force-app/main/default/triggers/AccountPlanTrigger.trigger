/**
 * @description Keeps Account_Plan__c.Unique_Key__c (AccountId:FY) current and rejects a second plan for
 * the same account and fiscal year with a message the user can act on. Logic lives in KeyplanUniqueKeys.
 */
trigger AccountPlanTrigger on Account_Plan__c(before insert, before update) {
    KeyplanUniqueKeys.setAccountPlanKeys(Trigger.new, Trigger.oldMap);
}
