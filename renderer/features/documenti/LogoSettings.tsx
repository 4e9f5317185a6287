import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { removeLogo, saveLogo, settings } from './store';

/**
 * Impostazioni → Documenti → Logo: the image printed in the letterhead of every letter (PDF and
 * DOCX). The core checks the file by its content and its size; only the administrator changes it.
 */
export function LogoSettings({ canEdit }: { canEdit: boolean }) {
  const picker = useRef<HTMLInputElement>(null);
  const { data } = settings.useStore();
  const [busy, setBusy] = useState<'carica' | 'togli' | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (what: 'carica' | 'togli', action: () => Promise<unknown>, message: string) => {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File | undefined) => {
    if (file) void run('carica', () => saveLogo(file), 'Logo salvato: compare nell’intestazione delle prossime lettere.');
  };

  if (!data) return null;
  return (
    <Section id="impostazioni-logo" title="Logo nell’intestazione">
      <ErrorAlert error={error} />
      <Typography sx={{ mb: 2 }}>
        Il logo del Comune o dell’Ambito si stampa in alto a sinistra nell’intestazione di ogni lettera, in PDF e in DOCX. Immagine PNG o JPEG, al massimo 300 KB.
      </Typography>
      {data.logo ? (
        <Box
          component="img"
          src={data.logo}
          alt="Logo attuale dell’intestazione"
          sx={{ display: 'block', maxHeight: 72, maxWidth: 280, mb: 2, border: 1, borderColor: 'divider', p: 1 }}
        />
      ) : (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Nessun logo: l’intestazione ha solo il testo.
        </Typography>
      )}
      {done ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {done}
        </Alert>
      ) : null}
      {canEdit ? (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="contained" onClick={() => picker.current?.click()} loading={busy === 'carica'} disabled={busy !== null}>
            {data.logo ? 'Sostituisci il logo' : 'Carica il logo'}
          </Button>
          <input
            ref={picker}
            type="file"
            aria-label="File del logo"
            accept="image/png,image/jpeg"
            hidden
            onChange={(e) => {
              upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {data.logo ? (
            <Button onClick={() => void run('togli', removeLogo, 'Logo tolto dall’intestazione.')} loading={busy === 'togli'} disabled={busy !== null}>
              Togli il logo
            </Button>
          ) : null}
        </Box>
      ) : (
        <Typography color="text.secondary">Il logo lo sceglie l’amministratore della zona.</Typography>
      )}
    </Section>
  );
}
