import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import { route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { PersonsRoute } from './PersonsRoute';
import { matchPersonRoute } from './routes';

export const personsFeature: FeatureRegistration = {
  routes: [
    route((path) => {
      const found = matchPersonRoute(path);
      return found ? { route: found } : null;
    }, PersonsRoute),
  ],
  nav: [
    {
      path: '/persone',
      label: 'Persone e cartelle',
      summary: 'Anagrafica, nuclei familiari e cartelle sociali.',
      icon: PeopleOutlined,
      visible: (s) => allows(s, 'persona.read') || allows(s, 'case.summary'),
      order: 30,
      also: ['/cartelle'],
    },
  ],
};

// What other features use from this one: they import it from here only.
export { resetPersons } from './store';
