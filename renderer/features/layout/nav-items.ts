import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import WorkOutlined from '@mui/icons-material/WorkOutlined';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { allows } from '../session/permissions';

export interface NavItem {
  path: string;
  label: string;
  /** One line for the home page card. */
  summary: string;
  icon: typeof HomeOutlined;
  visible: (session: SessionInfoData) => boolean;
  /** Other address prefixes that belong to this section. */
  also?: string[];
}

const always = () => true;

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Home', summary: 'La pagina iniziale.', icon: HomeOutlined, visible: always },
  {
    path: '/agenda',
    label: 'Agenda',
    summary: 'Colloqui, visite domiciliari e riunioni d’équipe nelle sedi di Narni e Amelia.',
    icon: EventOutlined,
    visible: (s) => allows(s, 'agenda.read'),
  },
  {
    path: '/persone',
    label: 'Persone e cartelle',
    summary: 'Anagrafica, nuclei familiari e cartelle sociali.',
    icon: PeopleOutlined,
    visible: (s) => allows(s, 'persona.read') || allows(s, 'case.summary'),
    also: ['/cartelle'],
  },
  {
    path: '/sal',
    label: 'SAL',
    summary: 'Servizio di accompagnamento al lavoro: beneficiari, aziende e tirocini.',
    icon: WorkOutlined,
    visible: (s) => allows(s, 'sal.read'),
  },
  {
    path: '/documenti',
    label: 'Documenti',
    summary: 'Lettere e moduli da stampare con la carta intestata della zona.',
    icon: DescriptionOutlined,
    visible: (s) => allows(s, 'letters.print'),
  },
  {
    path: '/report',
    label: 'Report',
    summary: 'Statistiche per l’Ufficio di Piano.',
    icon: AssessmentOutlined,
    visible: (s) => allows(s, 'reports.view'),
  },
  {
    path: '/impostazioni',
    label: 'Impostazioni',
    summary: 'Il tuo account e, se il profilo lo consente, utenti e dati della zona.',
    icon: SettingsOutlined,
    visible: always,
  },
  {
    path: '/registro',
    label: 'Registro accessi',
    summary: 'Chi ha consultato o modificato i dati, e quando; verifica dell’integrità.',
    icon: HistoryOutlined,
    visible: (s) => allows(s, 'audit.view'),
  },
];

export function isActive(item: NavItem, path: string): boolean {
  if (item.path === '/') return path === '/';
  return [item.path, ...(item.also ?? [])].some((p) => path === p || path.startsWith(`${p}/`));
}
