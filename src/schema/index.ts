export * from './types';
export * from './loadSchema';
export { STANDARD_OBJECTS, CLOSED_STAGES, STANDARD_STAGE_NAMES } from './standardObjects';
