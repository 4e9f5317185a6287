import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../i18n/money';
import { MAX_UPLOAD_BYTES, tooBigMessage } from '../../api/file-data';
import { uploadAttachment } from './store';
import { maxLength } from '../../api/limits';

type Phase = { kind: 'idle' } | { kind: 'reading'; fraction: number } | { kind: 'sending' };
// 'reading' is the chunked send (read a slice, send it); 'sending' the core's check and filing.

/**
 * Choose a file, read it here as base64 (with progress), send it: the core checks its type by
 * content and its size, encrypts it, and its Italian refusal is shown as it is.
 */
export function UploadForm({ caseId }: { caseId: string }) {
  const inputId = useId();
  const helpId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [descrizione, setDescrizione] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'idle') return;
    setDone(null);
    if (!file) return setError({ code: 'VALIDATION', field: 'nomeFile', message: 'Scegli il file da caricare.' });
    if (file.size > MAX_UPLOAD_BYTES) return setError({ code: 'VALIDATION', field: 'nomeFile', message: tooBigMessage(file.size) });
    setError(null);
    try {
      setPhase({ kind: 'reading', fraction: 0 });
      await uploadAttachment({ caseId, nomeFile: file.name, descrizione, file }, (fraction) => setPhase(fraction < 1 ? { kind: 'reading', fraction } : { kind: 'sending' }));
      setDone(`«${file.name}» è stato allegato alla cartella.`);
      setFile(null);
      setDescrizione('');
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      setError(
        e instanceof Error && e.message === 'lettura'
          ? { code: 'INTERNAL', message: 'Il file non si può leggere: controlla che sia ancora al suo posto e riprova.' }
          : toShownError(e),
      );
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const busy = phase.kind !== 'idle';
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Carica un allegato" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Carica un allegato
      </Typography>
      <ErrorAlert error={error} sx={{ mt: 0 }} />
      {done ? (
        <Typography role="status" sx={{ color: 'success.main', fontWeight: 600, mb: 1 }}>
          {done}
        </Typography>
      ) : null}
      <FormLabel htmlFor={inputId} sx={{ display: 'block', mb: 0.5, color: 'text.primary' }}>
        File da allegare
      </FormLabel>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        aria-describedby={helpId}
        aria-invalid={error?.field === 'nomeFile'}
        disabled={busy}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
          setDone(null);
        }}
        style={{ fontSize: '1rem' }}
      />
      <FormHelperText id={helpId}>
        PDF, immagini PNG o JPEG, documenti Word (.docx) o OpenDocument (.odt), testo; al massimo 20 MB.
        {file ? ` Scelto: ${file.name} (${formatBytes(file.size)}).` : ''}
      </FormHelperText>
      <TextField
        label="Descrizione"
        value={descrizione}
        onChange={(e) => setDescrizione(e.target.value)}
        disabled={busy}
        helperText="Es. Verbale dell’équipe, certificato ISEE"
        slotProps={{ htmlInput: { maxLength: maxLength('attachments.upload', 'descrizione') } }}
      />
      {phase.kind === 'reading' ? (
        <Box sx={{ my: 1 }}>
          <Typography>Invio del file: {Math.round(phase.fraction * 100)}%</Typography>
          <LinearProgress variant="determinate" value={phase.fraction * 100} aria-label="Invio del file" />
        </Box>
      ) : null}
      {phase.kind === 'sending' ? (
        <Box sx={{ my: 1 }}>
          <Typography>Controllo e cifratura in corso…</Typography>
          <LinearProgress aria-label="Controllo e cifratura del file" />
        </Box>
      ) : null}
      <Button type="submit" variant="contained" loading={busy} sx={{ mt: 1 }}>
        Carica allegato
      </Button>
    </Box>
  );
}
