/** The demo data the local org, the seed command and the tests load. */
export { aerovanceBundle } from './aerovance';
export { largeBundle } from './large';
export { largeGroupBundle } from './largeGroup';
export { AEROVANCE_ACCOUNT_TEAM, type DemoTeamMember } from './aerovanceTeam';
