/**
 * @description Keeps Landscape_Cell__c.Unique_Key__c (BuyingCenterId:OfferingId:FY) current and rejects a
 * second cell for the same buying center, offering and fiscal year. Logic lives in KeyplanUniqueKeys.
 */
trigger LandscapeCellTrigger on Landscape_Cell__c(before insert, before update) {
    KeyplanUniqueKeys.setLandscapeCellKeys(Trigger.new, Trigger.oldMap);
}
