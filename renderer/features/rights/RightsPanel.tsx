import BlockOutlined from '@mui/icons-material/BlockOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { maxLength } from '../../api/limits';
import { useEffect, useState } from 'react';
import { toShownError, fieldMessage, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { useDialogSave } from '../../components/useDialogSave';
import { formatDateAtTime } from '../../i18n/format';
import { exportData, lift, restrict, rightsStatus, useExportProgress } from './store';

/**
 * The data subject's rights on the person's page: everyone who may open the person sees that
 * the processing is restricted (art. 18); the coordinator restricts, lifts, and makes the
 * access export (art. 15: a PDF to hand over and a ZIP of JSON and CSV).
 */
export function RightsPanel({ personId }: { personId: string }) {
  const { data, error } = rightsStatus.useStore();
  const [dialog, setDialog] = useState<'restrict' | 'lift' | null>(null);
  useEffect(() => {
    void rightsStatus.load(personId);
  }, [personId]);
  const status = data?.personId === personId ? data : null;
  if (!status) return <ErrorAlert error={error} />;
  const current = status.limitazione;
  const banner = current ? (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="limitazione">
      <strong>Trattamento limitato (art. 18 GDPR)</strong> dal {formatDateAtTime(current.dal)}: i dati della persona e delle sue cartelle si possono solo consultare; non compare
      nelle ricerche dei colleghi.{current.motivo ? ` Motivo: ${current.motivo}` : ''}
    </Alert>
  ) : null;
  if (!status.puoGestire) return banner;
  return (
    <Section
      id="diritti-interessato"
      title="Diritti dell’interessato"
      actions={
        <>
          <ExportButton personId={personId} />
          {current ? (
            <Button variant="outlined" startIcon={<LockOpenOutlined />} onClick={() => setDialog('lift')}>
              Revoca la limitazione
            </Button>
          ) : (
            <Button variant="outlined" color="warning" startIcon={<BlockOutlined />} onClick={() => setDialog('restrict')}>
              Limita il trattamento
            </Button>
          )}
        </>
      }
    >
      {banner}
      {status.storico.length > 0 ? (
        <>
          <Typography variant="h3" sx={{ fontSize: '1.05rem', mt: 1 }}>
            Storico delle limitazioni
          </Typography>
          <List dense>
            {status.storico.map((r) => (
              <ListItem key={r.dal} disableGutters>
                <ListItemText
                  primary={`Dal ${formatDateAtTime(r.dal)}${r.revocataIl ? ` al ${formatDateAtTime(r.revocataIl)}` : ' (in corso)'} — ${r.motivo}`}
                  secondary={`Disposta da ${r.dispostaDa ?? '—'}${r.revocataIl ? `; revocata da ${r.revocataDa ?? '—'}: ${r.motivoRevoca}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : (
        <Typography variant="body2">Nessuna limitazione del trattamento registrata.</Typography>
      )}
      {dialog ? <ReasonDialog personId={personId} kind={dialog} onClose={() => setDialog(null)} /> : null}
    </Section>
  );
}

function ExportButton({ personId }: { personId: string }) {
  const progress = useExportProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await exportData(personId));
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="contained" startIcon={<FileDownloadOutlined />} disabled={busy} onClick={() => void run()}>
        Estrai i dati (art. 15)
      </Button>
      {busy && progress.label ? (
        <div role="status" style={{ minWidth: 200 }}>
          <Typography variant="body2">{progress.label}</Typography>
          <LinearProgress variant="determinate" value={progress.total ? (100 * progress.done) / progress.total : 0} />
        </div>
      ) : null}
      {done ? (
        <Alert severity="success" role="status" data-testid="estrazione-fatta">
          Salvati: {done.join(' e ')}. L’estrazione è registrata nel registro degli accessi.
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
    </>
  );
}

function ReasonDialog({ personId, kind, onClose }: { personId: string; kind: 'restrict' | 'lift'; onClose: () => void }) {
  const [motivo, setMotivo] = useState('');
  const save = useDialogSave(onClose);
  const restricting = kind === 'restrict';
  return (
    <FormDialog
      open
      title={restricting ? 'Limitare il trattamento (art. 18 GDPR)' : 'Revocare la limitazione del trattamento'}
      submitLabel={restricting ? 'Limita il trattamento' : 'Revoca la limitazione'}
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => (restricting ? restrict(personId, motivo) : lift(personId, motivo)))}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {restricting
          ? 'Finché la limitazione è in corso i dati della persona e delle sue cartelle si possono solo consultare: ogni modifica è rifiutata, e la persona non compare nelle ricerche dei colleghi.'
          : 'Dopo la revoca i colleghi possono di nuovo trovare e modificare i dati della persona.'}
      </Typography>
      <TextField
        label={restricting ? 'Motivo della limitazione' : 'Motivo della revoca'}
        value={motivo}
        onChange={(e) => setMotivo(e.target.value)}
        multiline
        minRows={2}
        required
        error={Boolean(fieldMessage(save.error, 'motivo'))}
        helperText={fieldMessage(save.error, 'motivo') ?? 'Es. l’interessato contesta l’esattezza dei dati (art. 18, par. 1, lett. a)'}
        slotProps={{ htmlInput: { maxLength: maxLength('rights.restrict', 'motivo') } }}
        fullWidth
      />
    </FormDialog>
  );
}
