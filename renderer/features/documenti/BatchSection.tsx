import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { addDays, todayInRome } from '../../../shared/domain/dates';
import { toShownError, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { selectZone, useZoneStore } from '../zone';
import { PdfPages } from './PdfPages';
import { printPdf } from './print-pdf';
import { runBatch, savePdf, type BatchResult, type PdfFile } from './store';
import { useProgress } from './useProgress';

/** The task name the core gives the batch's `progress` events. */
const BATCH_TASK = 'letters.batch';

function Skipped({ saltati }: { saltati: BatchResult['saltati'] }) {
  if (saltati.length === 0) return <Typography>Nessun appuntamento saltato.</Typography>;
  return (
    <>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {saltati.length === 1 ? 'Un appuntamento è stato saltato' : `${saltati.length} appuntamenti sono stati saltati`}: la convocazione non è nel PDF. Il motivo è indicato
        accanto a ciascuno.
      </Alert>
      <Table size="small" aria-label="Appuntamenti saltati">
        <TableHead>
          <TableRow>
            <TableCell>Ora</TableCell>
            <TableCell>Persona</TableCell>
            <TableCell>Motivo</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {saltati.map((s) => (
            <TableRow key={s.appointmentId}>
              <TableCell>{s.ora}</TableCell>
              <TableCell component="th" scope="row">
                {s.persona}
              </TableCell>
              <TableCell>{s.motivo}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/**
 * The convocazioni for every appointment of a sede on a day, in one PDF (the core audits each
 * person; it files no copy per case): progress from the core while it works, then what was printed and what was skipped and why.
 */
export function BatchSection({ session }: { session: SessionInfoData }) {
  const zone = useZoneStore(selectZone);
  const sedi = zone?.sedi ?? [];
  const [sedeId, setSedeId] = useState(session.user.sedeId ?? '');
  const [data, setData] = useState(addDays(todayInRome(), 1));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [outcome, setOutcome] = useState<{ result: BatchResult; file: PdfFile | null; sede: string; data: string } | null>(null);
  const progress = useProgress(BATCH_TASK, running);
  const sede = sedeId || sedi[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    setRunning(true);
    setError(null);
    setOutcome(null);
    try {
      const out = await runBatch({ template: 'convocazione', sedeId: sede, data });
      setOutcome({ ...out, sede: sedi.find((s) => s.id === sede)?.nome ?? '', data });
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setRunning(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : null;
  return (
    <Section id="stampa-in-serie" title="Convocazioni in serie">
      <Typography sx={{ mb: 2 }}>
        Le convocazioni per tutti gli appuntamenti di una sede in un giorno, in un solo PDF; ogni persona convocata è annotata nel registro degli accessi. Gli appuntamenti
        annullati, senza indirizzo o di persone che non puoi vedere sono elencati a parte con il motivo.
      </Typography>
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', mb: 2 }}>
        <Box sx={{ minWidth: 200 }}>
          <SelectField label="Sede" value={sede} onChange={setSedeId} disabled={running}>
            {sedi.map((s) => (
              <option key={s.id} value={s.id}>
                {s.nome}
              </option>
            ))}
          </SelectField>
        </Box>
        <DateField label="Giorno degli appuntamenti" value={data} onChange={setData} disabled={running} />
        <Button type="submit" variant="contained" loading={running} sx={{ mt: 1 }}>
          Stampa le convocazioni
        </Button>
      </Box>
      <ErrorAlert error={error} />
      {running ? (
        <Box sx={{ mb: 2 }} role="status" aria-live="polite" data-avanzamento>
          <Typography sx={{ mb: 1 }}>{progress ? progress.label : 'Raccolta degli appuntamenti…'}</Typography>
          <LinearProgress
            variant={percent === null ? 'indeterminate' : 'determinate'}
            {...(percent === null ? {} : { value: percent })}
            aria-label="Avanzamento della stampa in serie"
          />
        </Box>
      ) : null}
      {outcome ? (
        <Stack spacing={2}>
          <Alert severity={outcome.result.stampate > 0 ? 'success' : 'info'} role="status">
            {outcome.result.stampate === 0
              ? `Nessuna convocazione stampata per la sede di ${outcome.sede} del ${formatDate(outcome.data)}.`
              : `${outcome.result.stampate === 1 ? 'Una convocazione stampata' : `${outcome.result.stampate} convocazioni stampate`} per la sede di ${outcome.sede} del ${formatDate(outcome.data)}.`}
          </Alert>
          <Skipped saltati={outcome.result.saltati} />
          {outcome.file ? (
            <>
              <Box sx={{ display: 'flex', gap: 1 }}>
                <Button variant="contained" onClick={() => outcome.file && void printPdf(outcome.file.bytes).catch((e: unknown) => setError(toShownError(e)))}>
                  Stampa il PDF
                </Button>
                <Button variant="outlined" onClick={() => outcome.file && savePdf(outcome.file)}>
                  Salva PDF
                </Button>
              </Box>
              <PdfPages data={outcome.file.bytes} label="Convocazioni" />
            </>
          ) : null}
        </Stack>
      ) : null}
    </Section>
  );
}
