import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { AuditPage, type AuditTab } from './AuditPage';

export const auditFeature: FeatureRegistration = {
  routes: [
    route(
      exact<{ tab: AuditTab }>({
        '/registro': { tab: 'data' },
        '/registro/amministrazione': { tab: 'admin' },
        '/registro/consultazioni': { tab: 'consultazioni' },
        '/registro/emergenze': { tab: 'emergenze' },
      }),
      AuditPage,
    ),
  ],
  nav: [
    {
      path: '/registro',
      label: 'Registro accessi',
      summary: 'Chi ha consultato o modificato i dati, e quando; verifica dell’integrità.',
      icon: HistoryOutlined,
      visible: (s) => allows(s, 'audit.view'),
      order: 80,
    },
  ],
};
