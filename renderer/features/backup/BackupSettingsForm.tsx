import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent } from 'react';
import { BACKUP_FREQUENCIES, FREQUENCY_LABELS, type BackupFrequency, type BackupStatusData } from '../../../shared/contracts/backup';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { maxLength } from '../../api/limits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { useFocusOnError } from '../../components/useFocusOnError';
import { saveSettings } from './store';

/** Folder, schedule and alert threshold of this workstation's backups. */
export function BackupSettingsForm({ settings }: { settings: BackupStatusData['settings'] }) {
  const [folder, setFolder] = useState(settings.folder);
  const [frequency, setFrequency] = useState<BackupFrequency>(settings.frequency);
  const [time, setTime] = useState(settings.time);
  const [days, setDays] = useState(String(settings.alertAfterDays));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{1,2}$/.test(days.trim())) {
      setError({ code: 'VALIDATION', message: 'Giorni prima dell’avviso: un numero intero da 1 a 60.', field: 'alertAfterDays' });
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await saveSettings({ folder, frequency, time: time.trim(), alertAfterDays: Number(days) });
      setSaved(true);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <form onSubmit={submit} noValidate ref={formRef}>
      {saved ? (
        <Alert severity="success" sx={{ my: 2 }} onClose={() => setSaved(false)}>
          Impostazioni dei backup salvate.
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextField
            label="Cartella dei backup"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            slotProps={{ htmlInput: { maxLength: maxLength('backup.saveSettings', 'folder') } }}
            {...invalid('folder')}
            helperText={fieldMessage(error, 'folder') ?? 'Percorso completo di un altro disco o di una cartella di rete (es. E:\\Backup\\Ufficio), fuori dalla cartella dei dati.'}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectField label="Backup automatico" value={frequency} onChange={(v) => setFrequency(v as BackupFrequency)} error={fieldMessage(error, 'frequency')}>
            {BACKUP_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABELS[f]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            label="Ora (hh:mm)"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            disabled={frequency === 'off'}
            slotProps={{ htmlInput: { maxLength: 5, inputMode: 'numeric' } }}
            {...invalid('time')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            label="Avviso dopo quanti giorni senza backup"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2, inputMode: 'numeric' } }}
            {...invalid('alertAfterDays')}
          />
        </Grid>
      </Grid>
      <Button type="submit" variant="contained" loading={busy} sx={{ mt: 2 }}>
        Salva le impostazioni
      </Button>
    </form>
  );
}
