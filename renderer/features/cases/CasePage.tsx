import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useEffect } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { href, navigate } from '../../router/hash-router';
import { CaseRefused, EmergencyBanner } from './EmergencyAccess';
import { allows } from '../session';
import { SalCasePanel } from '../sal';
import { DocumentsSection } from '../documenti';
import { AttachmentsTab } from './AttachmentsTab';
import { CaseHeader } from './CaseHeader';
import { DiaryTab } from './DiaryTab';
import { InterventionsTab } from './InterventionsTab';
import { OverviewTab } from './OverviewTab';
import { PaiTab } from './PaiTab';
import { CASE_TABS, casePath, type CaseTab } from './routes';
import { loadCase, selectCase, selectCaseError, useCasesStore } from './store';
import { TimelineTab } from './TimelineTab';

/** #/cartelle/<id>[/tab]: the case file. Opening it is audited by the core. */
export function CasePage({ id, tab, session }: { id: string; tab: CaseTab; session: SessionInfoData }) {
  const detail = useCasesStore(selectCase);
  const error = useCasesStore(selectCaseError);
  const summaryOnly = !allows(session, 'case.read');
  useEffect(() => {
    void loadCase(id, summaryOnly);
  }, [id, summaryOnly]);

  const shown = detail?.id === id ? detail : null;
  if (!shown) {
    // Not assigned (a profile that works on case files): the emergency access may be offered.
    if (error?.code === 'FORBIDDEN' && allows(session, 'case.read')) return <CaseRefused caseId={id} error={error} canEmergency={allows(session, 'case.emergency_access')} />;
    return (
      <>
        <PageTitle>Cartella sociale</PageTitle>
        <ErrorAlert error={error} />
        {error ? <Link href={href('/persone')}>Torna alla ricerca</Link> : <CircularProgress aria-label="Apertura della cartella" />}
      </>
    );
  }

  const canManage = allows(session, 'case.open_close') && !shown.emergenza;
  // Letters and their protocol data are office work: the summary profiles (amministrativo) print and register them too.
  const canPrint = allows(session, 'letters.print') && !shown.emergenza;
  const panelId = `pannello-cartella-${tab}`;
  return (
    <>
      {shown.emergenza ? <EmergencyBanner /> : null}
      <CaseHeader detail={shown} canManage={canManage} session={session} />
      {allows(session, 'sal.read') && !shown.emergenza ? <SalCasePanel caseId={id} canEnrol={allows(session, 'sal.write')} /> : null}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={tab} onChange={(_e, value: CaseTab) => navigate(casePath(id, value))} aria-label="Sezioni della cartella" variant="scrollable" scrollButtons="auto">
          {CASE_TABS.filter((t) => (t.value === 'documenti' ? canPrint : !summaryOnly || t.value === 'riepilogo' || t.value === 'cronologia')).map((t) => (
            <Tab key={t.value} value={t.value} label={t.label} id={`tab-cartella-${t.value}`} aria-controls={panelId} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={panelId} aria-labelledby={`tab-cartella-${tab}`}>
        {tab === 'riepilogo' ? <OverviewTab detail={shown} canAssign={allows(session, 'case.assign') && !shown.emergenza} /> : null}
        {tab === 'diario' ? <DiaryTab detail={shown} canWrite={allows(session, 'diary.write')} /> : null}
        {tab === 'pai' ? <PaiTab detail={shown} canWrite={allows(session, 'pai.write') && !shown.emergenza} /> : null}
        {tab === 'interventi' ? <InterventionsTab detail={shown} canWrite={canManage} /> : null}
        {tab === 'allegati' ? <AttachmentsTab detail={shown} canWrite={allows(session, 'attachment.write') && !shown.emergenza} /> : null}
        {tab === 'documenti' ? <DocumentsSection scope={{ caseId: id }} sedeId={shown.sedeId} session={session} canPrint={canPrint} /> : null}
        {tab === 'cronologia' ? <TimelineTab detail={shown} /> : null}
      </Box>
    </>
  );
}
