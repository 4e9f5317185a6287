import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import { route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { DocumentiPage } from './DocumentiPage';
import { matchDocumentiRoute } from './routes';

export const documentiFeature: FeatureRegistration = {
  routes: [route(matchDocumentiRoute, DocumentiPage)],
  nav: [
    {
      path: '/documenti',
      label: 'Documenti',
      summary: 'Convocazioni in serie e modelli di lettera con la carta intestata della zona.',
      icon: DescriptionOutlined,
      visible: (s) => allows(s, 'letters.print') || allows(s, 'templates.manage'),
      order: 50,
    },
  ],
};

// What other features use from this one: they import it from here only.
export { DocumentsSection } from './DocumentsSection';
export { DocumentButton } from './DocumentButton';
export { DocumentiSettings } from './DocumentiSettings';
export { resetDocumenti } from './store';
export { PdfPages } from './PdfPages';
export { printPdf } from './print-pdf';
