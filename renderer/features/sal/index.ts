import WorkOutlined from '@mui/icons-material/WorkOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { SalPage } from './SalPage';

export const salFeature: FeatureRegistration = {
  routes: [route(exact({ '/sal': {} }), SalPage)],
  nav: [
    {
      path: '/sal',
      label: 'SAL',
      summary: 'Servizio di accompagnamento al lavoro: beneficiari, aziende e tirocini.',
      icon: WorkOutlined,
      visible: (s) => allows(s, 'sal.read'),
      order: 40,
    },
  ],
};
