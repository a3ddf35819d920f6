export * from './types';
export * from './loadSchema';
export { STANDARD_OBJECTS, CLOSED_STAGES, CONTACT_ROLES, STANDARD_STAGE_NAMES } from './standardObjects';
