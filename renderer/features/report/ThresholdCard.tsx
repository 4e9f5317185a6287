import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveThreshold, settings } from './store';

/** The zone's threshold for hidden counts (zone.manage): never below 3 (SISTAN). */
export function ThresholdCard() {
  const { data } = settings.useStore();
  // The field shows the stored threshold until the user types (null: untouched).
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? (data ? String(data.soglia) : '');
  const setValue = setDraft;
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await saveThreshold(Number(value));
      setSaved(true);
    } catch (e) {
      setError(toShownError(e));
    }
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="soglia-titolo" sx={{ p: 2, mb: 3 }} className="no-print">
      <Typography variant="h2" id="soglia-titolo" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Soglia dei conteggi nascosti
      </Typography>
      <Typography sx={{ mb: 2 }}>
        In stampa e nelle esportazioni i conteggi da 1 alla soglia meno uno sono nascosti, con le celle da cui si potrebbero ricavare. Minimo {data?.minima ?? 3} (SISTAN).
      </Typography>
      <ErrorAlert error={error} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          label="Soglia"
          type="number"
          size="small"
          sx={{ width: 120 }}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          slotProps={{ htmlInput: { min: data?.minima ?? 3, max: data?.massima ?? 20 } }}
        />
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap' }} onClick={() => void save()}>
          Salva la soglia
        </Button>
        {saved ? <Typography role="status">Soglia salvata.</Typography> : null}
      </Stack>
    </Paper>
  );
}
