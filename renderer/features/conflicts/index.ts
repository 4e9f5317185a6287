import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { ConflictsPage } from './ConflictsPage';

export { resetConflicts } from './store';

/**
 * #/conflitti: always in the drawer, for every profile: each one sees only the conflicts of the
 * records it may read, and an empty list says so plainly (Impostazioni → Sincronizzazione links here).
 */
export const conflictsFeature: FeatureRegistration = {
  routes: [route(exact({ '/conflitti': {} }), ConflictsPage)],
  nav: [
    {
      path: '/conflitti',
      label: 'Conflitti',
      summary: 'Dati modificati nello stesso momento in due sedi: scegli quale versione tenere.',
      icon: SyncProblemOutlined,
      visible: () => true,
      order: 75,
    },
  ],
};
