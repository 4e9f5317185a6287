import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import type { DiaryEntryData } from '../../../shared/contracts/cases';
import { DIARY_TYPES } from '../../../shared/domain/cartella';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocked } from '../../components/lock-context';
import { formatDate, formatDateAtTime } from '../../i18n/format';
import { getDiaryEntry } from './store';

type Versions = OutputOf<'diary.get'>['versions'];

/** Every earlier version of an entry, newest first, as it was before each edit (read is audited). */
export function DiaryVersionsDialog({ entry, onClose }: { entry: DiaryEntryData; onClose: () => void }) {
  const titleId = useId();
  const locked = useLocked();
  const [versions, setVersions] = useState<Versions | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    let current = true;
    getDiaryEntry(entry.id).then(
      (answer) => current && setVersions([...answer.versions].sort((a, b) => b.versione - a.versione)),
      (e: unknown) => current && setError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [entry.id]);

  return (
    <Dialog open={!locked} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Versioni precedenti</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {DIARY_TYPES[entry.tipo]} del {formatDate(entry.data)}: la versione attuale è la {entry.versione}. Le versioni precedenti sono conservate così come erano.
        </Typography>
        <ErrorAlert error={error} />
        {!versions && !error ? <CircularProgress aria-label="Caricamento delle versioni" /> : null}
        {versions?.map((v) => (
          <Box component="section" key={v.versione} aria-labelledby={`versione-${v.versione}`} sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }}>
            <Typography variant="h3" id={`versione-${v.versione}`} sx={{ fontSize: '1.05rem' }}>
              Versione {v.versione} — sostituita il {formatDateAtTime(v.sostituitaIl)}
            </Typography>
            <Typography sx={{ fontSize: '0.9rem', color: 'text.secondary' }}>
              {DIARY_TYPES[v.tipo]} del {formatDate(v.data)}
              {v.ora ? ` alle ${v.ora}` : ''} · {v.autore}
              {v.luogo ? ` · ${v.luogo}` : ''}
              {v.partecipanti ? ` · partecipanti: ${v.partecipanti}` : ''}
            </Typography>
            <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.testo}</Typography>
          </Box>
        ))}
        {versions && versions.length === 0 ? <Typography>Nessuna versione precedente.</Typography> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Chiudi</Button>
      </DialogActions>
    </Dialog>
  );
}
