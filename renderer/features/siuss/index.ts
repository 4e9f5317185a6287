import { exact, route, type FeatureRegistration } from '../../router/feature';
import { SiussPage } from './SiussPage';

/** #/report/siuss: no section of its own; the Report page links to it. */
export const siussFeature: FeatureRegistration = {
  routes: [route(exact({ '/report/siuss': {} }), SiussPage)],
  nav: [],
};

export { resetSiuss } from './store';
