import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import { useEffect } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { NewAppointmentButton } from '../agenda';
import { DocumentButton, DocumentsSection } from '../documenti';
import { RightsPanel, useRestricted } from '../rights';
import { allows } from '../session';
import { AccessiSection } from './AccessiSection';
import { AnagraficaSection } from './AnagraficaSection';
import { CasesSection } from './CasesSection';
import { HouseholdSection } from './HouseholdSection';
import { IseeSection } from './IseeSection';
import { loadPerson, selectDetail, selectError, usePersonsStore } from './store';
import { aLuogo, nato } from '../../../shared/domain/italian';

export function PersonDetailPage({ id, session }: { id: string; session: SessionInfoData }) {
  const detail = usePersonsStore(selectDetail);
  const error = usePersonsStore(selectError);
  const restricted = useRestricted(id);
  useEffect(() => {
    void loadPerson(id);
  }, [id]);

  const shown = detail?.person.id === id ? detail : null;
  if (!shown) {
    return (
      <>
        <PageTitle>Scheda della persona</PageTitle>
        <ErrorAlert error={error} />
        {error ? <Link href={href('/persone')}>Torna alla ricerca</Link> : <CircularProgress aria-label="Caricamento della scheda" />}
      </>
    );
  }

  const p = shown.person;
  // A restricted person (art. 18) is read-only: the core refuses the writes, the page offers none.
  const canWrite = allows(session, 'persona.write') && !restricted;
  const canOpenCase = allows(session, 'case.open_close') && !restricted;
  const sedeId = session.user.sedeId;
  const born = [p.dataNascita ? `il ${formatDate(p.dataNascita)}` : null, p.luogoNascitaNome ? aLuogo(p.luogoNascitaNome) : null].filter(Boolean).join(' ');
  const subtitle = [p.codiceFiscale || 'Codice fiscale non indicato', born ? `${nato(p.sesso)} ${born}` : null].filter(Boolean).join(' · ');

  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <PageTitle subtitle={subtitle} documentTitle="Scheda persona">
          {p.cognome} {p.nome}
        </PageTitle>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <NewAppointmentButton session={session} person={p} caseId={shown.cases.length === 1 ? (shown.cases[0]?.id ?? null) : null} />
          <DocumentButton session={session} subject={{ kind: 'persona', id: p.id }} />
          {canWrite ? (
            <Button variant="outlined" startIcon={<EditOutlined />} href={href(`/persone/${p.id}/modifica`)}>
              Modifica anagrafica
            </Button>
          ) : null}
        </Box>
      </Box>
      {shown.warnings.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 3 }}>
          {shown.warnings.join(' ')}
        </Alert>
      ) : null}
      <RightsPanel personId={p.id} />
      <Grid container columnSpacing={3}>
        <Grid size={{ xs: 12, xl: 6 }}>
          <AnagraficaSection person={p} />
          <HouseholdSection detail={shown} canWrite={canWrite} />
          <IseeSection detail={shown} canWrite={canWrite} />
        </Grid>
        <Grid size={{ xs: 12, xl: 6 }}>
          <CasesSection detail={shown} canOpenCase={canOpenCase} sedeId={sedeId} />
          <AccessiSection detail={shown} canWrite={canWrite} canOpenCase={canOpenCase} sedeId={sedeId} />
          {allows(session, 'letters.print') ? <DocumentsSection scope={{ personId: p.id }} sedeId={sedeId} session={session} canPrint /> : null}
        </Grid>
      </Grid>
    </>
  );
}
