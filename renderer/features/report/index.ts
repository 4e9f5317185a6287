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
      // The desk reaches the SIUSS flow (#/report/siuss) from here too.
      visible: (s) => allows(s, 'reports.view') || allows(s, 'siuss.export'),
      order: 60,
    },
  ],
};

export { resetReport } from './store';
