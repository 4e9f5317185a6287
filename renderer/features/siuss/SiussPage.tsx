import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { formatItalianDate } from '../../../shared/domain/dates';
import { ACTION_LABELS, PROFILE_LABELS } from '../../../shared/domain/permissions';
import { conteggio } from '../../../shared/domain/italian';
import { quarterLabel } from '../../../shared/domain/siuss';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import { href } from '../../router/hash-router';
import { allows } from '../session';
import { SiussBatchList } from './SiussBatchList';
import { SiussIssues } from './SiussIssues';
import { check, exportSiuss, quarterFromNow } from './store';

/** The quarters offered: three years back and the current one, newest first. */
const QUARTERS = Array.from({ length: 13 }, (_, i) => quarterFromNow(-i));

/** #/report/siuss: check a quarter's erogazioni against the flow's rules, then write the batch for INPS. */
export function SiussPage({ session }: { session: SessionInfoData }) {
  const [periodo, setPeriodo] = useState(() => quarterFromNow(-1));
  const { data, loading, error } = check.useStore();
  const [exportError, setExportError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shown = data?.periodo === periodo ? data : null;
  const title = <PageTitle subtitle="Le prestazioni sociali erogate, per il SIUSS dell’INPS: inserimenti (I) e cancellazioni (C).">Flusso SIUSS</PageTitle>;
  if (!allows(session, 'siuss.export')) {
    return (
      <>
        {title}
        <Alert severity="info">
          Il profilo «{PROFILE_LABELS[session.user.profile]}» non consente di {ACTION_LABELS['siuss.export']}.
        </Alert>
      </>
    );
  }
  const save = async (formato: 'csv' | 'xlsx') => {
    setExportError(null);
    setSaved(null);
    try {
      const batch = await exportSiuss(periodo, formato);
      setSaved(
        `Salvato il file ${batch.nome}: ${conteggio(batch.inserimenti, 'inserimento', 'inserimenti')}, ${conteggio(batch.cancellazioni, 'cancellazione', 'cancellazioni')}.`,
      );
    } catch (e) {
      setExportError(toShownError(e));
    }
  };
  const ready = shown !== null && shown.errori.length === 0 && shown.inserimenti + shown.cancellazioni > 0;
  return (
    <>
      {title}
      <Typography sx={{ mb: 2 }}>
        <Link href={href('/report')}>← Report</Link>
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' }, '& button': { whiteSpace: 'nowrap' } }}>
        <Box sx={{ width: { sm: 240 } }}>
          <SelectField label="Trimestre" value={periodo} onChange={setPeriodo}>
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q)}
              </option>
            ))}
          </SelectField>
        </Box>
        <Button variant="contained" onClick={() => void check.load(periodo)} disabled={loading}>
          Verifica
        </Button>
        <Button variant="outlined" onClick={() => void save('csv')} disabled={!ready}>
          Esporta CSV
        </Button>
        <Button variant="outlined" onClick={() => void save('xlsx')} disabled={!ready}>
          Esporta Excel (XLSX)
        </Button>
      </Stack>
      <ErrorAlert error={error ?? exportError} />
      {saved ? (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      ) : null}
      {shown ? (
        <>
          <Typography aria-live="polite" data-testid="siuss-riepilogo" sx={{ mb: 2 }}>
            Erogazioni fino al {formatItalianDate(shown.fine)}: da inviare {conteggio(shown.inserimenti, 'inserimento', 'inserimenti')} (I) e{' '}
            {conteggio(shown.cancellazioni, 'cancellazione', 'cancellazioni')} (C)
            {shown.arretrati > 0 ? `, di cui ${conteggio(shown.arretrati, 'erogazione', 'erogazioni')} di trimestri precedenti mai inviate` : ''}.
            {shown.errori.length === 0 && shown.inserimenti + shown.cancellazioni === 0 ? ' Tutto è già stato inviato.' : ''}
          </Typography>
          <SiussIssues errori={shown.errori} />
        </>
      ) : (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Scegli il trimestre e premi «Verifica»: l’elenco mostra ogni erogazione a cui manca un dato, con il collegamento alla cartella.
        </Typography>
      )}
      <SiussBatchList />
    </>
  );
}
