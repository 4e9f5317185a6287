import HomeOutlined from '@mui/icons-material/HomeOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { HomePage } from './HomePage';

export const homeFeature: FeatureRegistration = {
  routes: [route(exact({ '/': {} }), HomePage)],
  nav: [{ path: '/', label: 'Home', summary: 'La pagina iniziale.', icon: HomeOutlined, visible: () => true, order: 10 }],
};
