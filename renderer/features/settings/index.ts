import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { SettingsPage, type SettingsTab } from './SettingsPage';

export const settingsFeature: FeatureRegistration = {
  routes: [
    route(
      exact<{ tab: SettingsTab }>({
        '/impostazioni': { tab: 'account' },
        '/impostazioni/account': { tab: 'account' },
        '/impostazioni/utenti': { tab: 'utenti' },
        '/impostazioni/zona': { tab: 'zona' },
        '/impostazioni/sal': { tab: 'sal' },
        '/impostazioni/documenti': { tab: 'documenti' },
        '/impostazioni/backup': { tab: 'backup' },
        '/impostazioni/sincronizzazione': { tab: 'sincronizzazione' },
        '/impostazioni/trattamenti': { tab: 'trattamenti' },
        '/impostazioni/scarto': { tab: 'scarto' },
      }),
      SettingsPage,
    ),
  ],
  nav: [
    {
      path: '/impostazioni',
      label: 'Impostazioni',
      summary: 'Il tuo account e, se il profilo lo consente, utenti e dati della zona.',
      icon: SettingsOutlined,
      visible: () => true,
      order: 70,
    },
  ],
};
