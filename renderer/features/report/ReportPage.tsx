import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { todayInRome } from '../../../shared/domain/dates';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import { href } from '../../router/hash-router';
import { allows, profileRefusal } from '../session';
import { ReportCharts } from './ReportCharts';
import { ReportTable } from './ReportTable';
import { ThresholdCard } from './ThresholdCard';
import { exportReport, printReport, quarter, settings, type Period } from './store';
import { RULE_TEXT } from '../../../shared/domain/report/linked-suppression';

/** The last full quarter before today: what the Ufficio di Piano asks for. */
function lastQuarter(): Period {
  const [y, m] = todayInRome().split('-').map(Number) as [number, number];
  const current = Math.floor((m - 1) / 3) + 1;
  return current === 1 ? { anno: y - 1, trimestre: 4 } : { anno: y, trimestre: current - 1 };
}

const THIS_YEAR = Number(todayInRome().slice(0, 4));
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

export function ReportPage({ session }: { session: SessionInfoData }) {
  const refusal = profileRefusal(session, 'reports.view');
  const [period, setPeriod] = useState<Period>(lastQuarter);
  const [tab, setTab] = useState(0);
  const { data, error } = quarter.useStore();
  const [actionError, setActionError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (refusal) return;
    void quarter.load(period);
    void settings.load('soglia');
  }, [period, refusal]);
  // The desk (amministrativo) prepares the SIUSS flow without seeing the statistics.
  const siussCard = allows(session, 'siuss.export') ? (
    <Paper variant="outlined" component="section" aria-labelledby="siuss-titolo" sx={{ p: 2, mb: 3 }} className="no-print">
      <Typography variant="h2" id="siuss-titolo" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Esportazione SIUSS
      </Typography>
      <Typography sx={{ mb: 1 }}>Gli interventi e le prestazioni nel formato del Sistema informativo unitario dei servizi sociali (INPS).</Typography>
      <Button variant="outlined" href={href('/report/siuss')}>
        Flusso SIUSS (verifica ed esportazione)
      </Button>
    </Paper>
  ) : null;
  if (refusal) {
    return (
      <>
        <PageTitle>Report</PageTitle>
        {siussCard}
        {siussCard ? null : <Alert severity="info">{refusal}</Alert>}
      </>
    );
  }
  const shown = data && data.anno === period.anno && data.trimestre === period.trimestre ? data : null;
  const run = async (what: () => Promise<string>) => {
    setActionError(null);
    setBusy(true);
    try {
      setSaved(await what());
    } catch (e) {
      setActionError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const section = shown?.sezioni[tab] ?? null;
  return (
    <>
      <PageTitle subtitle="Le statistiche per l’Ufficio di Piano e la conferenza di zona.">Report</PageTitle>
      {siussCard}
      {allows(session, 'zone.manage') ? <ThresholdCard /> : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }} className="no-print">
        <Box sx={{ width: { sm: 130 } }}>
          <SelectField label="Anno" value={String(period.anno)} onChange={(v) => setPeriod({ ...period, anno: Number(v) })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </Box>
        <Box sx={{ width: { sm: 300 } }}>
          <SelectField label="Trimestre" value={String(period.trimestre)} onChange={(v) => setPeriod({ ...period, trimestre: Number(v) })}>
            <option value="1">1º trimestre (gennaio–marzo)</option>
            <option value="2">2º trimestre (aprile–giugno)</option>
            <option value="3">3º trimestre (luglio–settembre)</option>
            <option value="4">4º trimestre (ottobre–dicembre)</option>
          </SelectField>
        </Box>
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!shown || busy} onClick={() => void run(() => exportReport(period, 'csv'))}>
          Esporta CSV
        </Button>
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!shown || busy} onClick={() => void run(() => exportReport(period, 'xlsx'))}>
          Esporta Excel (XLSX)
        </Button>
        <Button variant="contained" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!shown || busy} onClick={() => void run(() => printReport(period))}>
          Stampa PDF (A4)
        </Button>
      </Stack>
      <ErrorAlert error={error ?? actionError} />
      {saved ? (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          Salvato il file {saved}.
        </Alert>
      ) : null}
      {shown ? (
        <>
          <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
            {shown.titolo}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            In stampa e nelle esportazioni i conteggi inferiori a {shown.soglia} sono nascosti («&lt; {shown.soglia}»), e con essi le celle e i totali da cui si potrebbero
            ricavare. {RULE_TEXT}{' '}
            {shown.esatti ? 'Come coordinatore vedi qui, tra parentesi, il valore esatto: non esce dall’ufficio.' : 'Il valore esatto è visibile solo al coordinatore, a schermo.'}
          </Alert>
          <Tabs value={tab} onChange={(_, v: number) => setTab(v)} aria-label="Raggruppamento" sx={{ mb: 2 }}>
            {shown.sezioni.map((s) => (
              <Tab key={s.dimensione} label={s.titolo} />
            ))}
          </Tabs>
          {section ? (
            <div role="tabpanel" aria-label={section.titolo}>
              <ReportCharts section={section} />
              {section.tabelle.map((t) => (
                <ReportTable key={t.id} table={t} soglia={shown.soglia} />
              ))}
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
