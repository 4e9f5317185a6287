import EventOutlined from '@mui/icons-material/EventOutlined';
import { exact, route, type FeatureRegistration } from '../../router/feature';
import { allows } from '../session';
import { AgendaPage } from './AgendaPage';

export const agendaFeature: FeatureRegistration = {
  routes: [route(exact({ '/agenda': {} }), AgendaPage)],
  nav: [
    {
      path: '/agenda',
      label: 'Agenda',
      summary: 'Colloqui, visite domiciliari e riunioni d’équipe nelle sedi di Narni e Amelia.',
      icon: EventOutlined,
      visible: (s) => allows(s, 'agenda.read'),
      order: 20,
    },
  ],
};

// What other features use from this one: they import it from here only.
export { AgendaSettings } from './AgendaSettings';
export { NewAppointmentButton } from './NewAppointmentButton';
export { TodayAtAGlance } from './TodayAtAGlance';
