import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { ReportPage } from './ReportPage';

export const reportFeature: FeatureRegistration = {
  routes: [route(exact({ '/report': {} }), ReportPage)],
  nav: [
    {
      path: '/report',
      label: 'Report',
      summary: 'Statistiche per l’Ufficio di Piano.',
      icon: AssessmentOutlined,
      visible: (s) => allows(s, 'reports.view'),
      order: 60,
    },
  ],
};

export { resetReport } from './store';
