import { route, type FeatureRegistration } from '../../router/feature';
import { CasePage } from './CasePage';
import { matchCaseRoute } from './routes';

/** Case files are reached from a person's page: addresses, no section of their own. */
export const casesFeature: FeatureRegistration = {
  routes: [route(matchCaseRoute, CasePage)],
  nav: [],
};

// What other features use from this one: they import it from here only.
export { DueItemsSection } from './DueItemsSection';
export { ProblematicheField } from './ProblematicheField';
export { StatoChip } from './StatoChip';
export { resetCases } from './store';
export { casePath } from './routes';
