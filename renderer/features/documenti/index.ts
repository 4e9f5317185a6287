import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { DocumentiPage } from './DocumentiPage';

export const documentiFeature: FeatureRegistration = {
  routes: [route(exact({ '/documenti': {} }), DocumentiPage)],
  nav: [
    {
      path: '/documenti',
      label: 'Documenti',
      summary: 'Lettere e moduli da stampare con la carta intestata della zona.',
      icon: DescriptionOutlined,
      visible: (s) => allows(s, 'letters.print'),
      order: 50,
    },
  ],
};
