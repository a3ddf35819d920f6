export * from './types';
export * from './loadSchema';
export { STANDARD_OBJECTS, CLOSED_STAGES } from './standardObjects';
