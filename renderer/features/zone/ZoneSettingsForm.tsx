import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import type { ZoneData } from '../../../shared/contracts/zone';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusOnError } from '../../components/useFocusOnError';
import { CaseRulesFields } from './CaseRulesFields';
import { saveZoneSettings } from './store';
import { maxLength } from '../../api/limits';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { LetterheadSchema } from '../../../shared/contracts/zone';

export function ZoneSettingsForm({ zone }: { zone: ZoneData }) {
  const [nome, setNome] = useState(zone.nome);
  const [ente, setEnte] = useState(zone.ente);
  const [idle, setIdle] = useState(String(zone.idleTimeoutMin));
  const [letterhead, setLetterhead] = useState(zone.letterhead);
  const [regole, setRegole] = useState(zone.regoleCartelle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const minutes = Number(idle);
    if (!/^\d+$/.test(idle.trim()) || minutes < 1 || minutes > 120) {
      setError({ code: 'VALIDATION', message: 'Blocco automatico: un numero intero di minuti da 1 a 120.', field: 'idleTimeoutMin' });
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await saveZoneSettings({ nome, ente, idleTimeoutMin: minutes, letterhead, regoleCartelle: regole });
      setSaved(true);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });
  const lh = (key: keyof ZoneData['letterhead']) => (e: { target: { value: string } }) => setLetterhead((prev) => ({ ...prev, [key]: e.target.value }));

  return (
    <Paper variant="outlined" component="section" aria-labelledby="zona-dati" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h2" id="zona-dati">
        Dati della zona
      </Typography>
      <form onSubmit={submit} noValidate ref={formRef}>
        {saved ? (
          <Alert severity="success" sx={{ my: 2 }} onClose={() => setSaved(false)}>
            Impostazioni della zona salvate.
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Nome della zona"
              value={nome}
              onChange={(e) => setNome(e.target.value)}
              slotProps={{ htmlInput: { maxLength: maxLength('zone.update', 'nome') } }}
              {...invalid('nome')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Ente"
              value={ente}
              onChange={(e) => setEnte(e.target.value)}
              slotProps={{ htmlInput: { maxLength: maxLength('zone.update', 'ente') } }}
              {...invalid('ente')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField
              label="Blocco automatico dopo (minuti)"
              value={idle}
              onChange={(e) => setIdle(e.target.value)}
              type="number"
              error={Boolean(fieldMessage(error, 'idleTimeoutMin'))}
              helperText={fieldMessage(error, 'idleTimeoutMin') ?? 'Da 1 a 120: dopo questo tempo senza uso la sessione si blocca.'}
              slotProps={{ htmlInput: { min: 1, max: 120, step: 1, inputMode: 'numeric' } }}
            />
          </Grid>
        </Grid>
        <Typography variant="h3" component="h3" sx={{ mt: 2 }}>
          Carta intestata
        </Typography>
        <TextField
          label="Intestazione"
          value={letterhead.intestazione}
          onChange={lh('intestazione')}
          slotProps={{ htmlInput: { maxLength: maxLengthOf(LetterheadSchema.shape.intestazione) } }}
          {...invalid('intestazione')}
        />
        <TextField
          label="Sottotitolo"
          value={letterhead.sottotitolo}
          onChange={lh('sottotitolo')}
          multiline
          minRows={2}
          slotProps={{ htmlInput: { maxLength: maxLengthOf(LetterheadSchema.shape.sottotitolo) } }}
          {...invalid('sottotitolo')}
        />
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Indirizzo dell'ente"
              value={letterhead.indirizzo}
              onChange={lh('indirizzo')}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(LetterheadSchema.shape.indirizzo) } }}
              {...invalid('letterhead.indirizzo')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Contatti"
              value={letterhead.contatti}
              onChange={lh('contatti')}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(LetterheadSchema.shape.contatti) } }}
              {...invalid('contatti')}
            />
          </Grid>
        </Grid>
        <CaseRulesFields value={regole} onChange={setRegole} message={fieldMessage(error, 'responsabiliProfili')} />
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
          <Button type="submit" variant="contained" loading={busy}>
            Salva le impostazioni
          </Button>
        </Box>
      </form>
    </Paper>
  );
}
