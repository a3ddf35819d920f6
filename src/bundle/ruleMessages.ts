/**
 * The wording of the validation rules the bundle checks before any write (a bad bundle writes nothing):
 * the rule's own `errorMessage` from its XML in force-app, so the importer and the org say the same thing
 * and the message has one home.
 */
import { findObject } from '../schema';
import { orgSchema } from './orgLimits';

/** The `errorMessage` of the active validation rule `objectName.ruleName`; throws when there is none. */
export function ruleMessage(objectName: string, ruleName: string): string {
  const rule = findObject(orgSchema(), objectName)?.validationRules?.find((r) => r.name === ruleName);
  if (!rule) throw new Error(`No validation rule ${objectName}.${ruleName} in force-app`);
  if (!rule.active) throw new Error(`Validation rule ${objectName}.${ruleName} is inactive`);
  return rule.message;
}
