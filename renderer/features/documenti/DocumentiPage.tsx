import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../router/hash-router';
import { allows } from '../session';
import { BatchSection } from './BatchSection';
import { documentiPath, type DocumentiRoute } from './routes';
import { TemplateEditorPage } from './TemplateEditor';
import { TemplatesSection } from './TemplatesSection';

const TABS = [
  { value: 'serie', label: 'Stampa in serie', path: documentiPath.serie() },
  { value: 'modelli', label: 'Modelli', path: documentiPath.modelli() },
] as const;

/**
 * #/documenti: convocazioni in serie; #/documenti/modelli: the templates (administrators).
 * Single letters are printed from the person, the case, the appointment or the tirocinio.
 */
export function DocumentiPage({ route, session }: { route: DocumentiRoute; session: SessionInfoData }) {
  // Keyed by the template: another one starts with nothing of the last (its messages, its text).
  if (route.view === 'modello') return <TemplateEditorPage key={route.name} session={session} name={route.name} />;
  // The administrator prints nothing: the section opens on the templates.
  const view = route.view === 'serie' && !allows(session, 'letters.print') && allows(session, 'templates.manage') ? 'modelli' : route.view;
  // A tab the profile cannot use is hidden, unless opened by address: then the core's refusal shows.
  const visible = TABS.filter((t) => t.value === view || (t.value === 'serie' ? allows(session, 'letters.print') : allows(session, 'templates.manage')));
  return (
    <>
      <PageTitle>Documenti</PageTitle>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={view} onChange={(_e, value: string) => navigate(TABS.find((t) => t.value === value)?.path ?? documentiPath.serie())} aria-label="Sezioni dei documenti">
          {visible.map((t) => (
            <Tab key={t.value} value={t.value} label={t.label} id={`tab-documenti-${t.value}`} aria-controls={`pannello-documenti-${t.value}`} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`pannello-documenti-${view}`} aria-labelledby={`tab-documenti-${view}`}>
        {view === 'serie' ? <BatchSection session={session} /> : <TemplatesSection />}
      </Box>
    </>
  );
}
