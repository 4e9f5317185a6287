import WorkOutlined from '@mui/icons-material/WorkOutlined';
import { route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { matchSalRoute } from './routes';
import { SalRoutePage } from './SalRoutePage';

export const salFeature: FeatureRegistration = {
  routes: [route(matchSalRoute, SalRoutePage)],
  nav: [
    {
      path: '/sal',
      label: 'SAL',
      summary: 'Servizio di accompagnamento al lavoro: beneficiari, aziende, tirocini, presenze e pagamenti.',
      icon: WorkOutlined,
      visible: (s) => allows(s, 'sal.read'),
      order: 40,
    },
  ],
};

// What other features use from this one: they import it from here only.
export { SalCasePanel } from './SalCasePanel';
export { resetSal } from './store';
export { ParametriTab } from './ParametriTab';
