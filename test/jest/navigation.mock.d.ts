/** Types of the shared `lightning/navigation` test mock (navigation.mock.js). */
import type { PageReference } from 'lightning/navigation';

export { NavigationMixin } from 'lightning/navigation';

/** Every navigation of every component of the test file: the page reference, then `replace` if passed. */
export const navigate: jest.Mock<void, [PageReference, boolean?]>;

/** The `defaultFieldValues` of a create-form page reference, decoded into field API name -> value. */
export function fieldValuesOf(pageRef: PageReference | undefined): Record<string, string>;
