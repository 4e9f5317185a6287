import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ConflictData, ConflictVersionData } from '../../../shared/contracts/conflicts';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { resolveConflict, type ResolveDecision } from './store';

/** The merge editor starts with every version, the current one first, each under its origin. */
function mergedDraft(conflict: ConflictData): string {
  return conflict.versions.map((v) => v.value).join('\n\n');
}

function Version({ conflict, version, busy, onKeep }: { conflict: ConflictData; version: ConflictVersionData; busy: boolean; onKeep: () => void }) {
  const origin = `${version.workstation}, ${formatDateTime(version.writtenAt)}`;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={`${version.current ? 'Versione attuale' : 'Altra versione'}: ${origin}`}
      sx={{ p: 2, flex: '1 1 280px', minWidth: 0 }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography component="h3" sx={{ fontWeight: 600, fontSize: '1rem' }}>
          {version.current ? 'Versione attuale' : 'Altra versione'}
        </Typography>
        {version.current ? <Chip size="small" label="in uso ora" /> : null}
      </Box>
      <Typography sx={{ fontSize: '0.9rem', color: 'text.secondary', mb: 1 }}>
        Scritta da: {version.workstation} · {formatDateTime(version.writtenAt)}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mb: 2, fontStyle: version.value ? 'normal' : 'italic' }}>{version.value || '(vuoto)'}</Typography>
      {conflict.resolvable ? (
        <Button variant="outlined" disabled={busy} onClick={onKeep} aria-label={`Mantieni questo: ${version.current ? 'versione attuale' : 'altra versione'} (${origin})`}>
          Mantieni questo
        </Button>
      ) : null}
    </Paper>
  );
}

/** One conflict: the record and field, every version side by side, and the decision. */
export function ConflictCard({ conflict }: { conflict: ConflictData }) {
  const [merging, setMerging] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const headingId = `conflitto-${conflict.id.replace(/[^\w-]/g, '')}`;

  async function decide(decision: ResolveDecision) {
    setBusy(true);
    setError(null);
    try {
      await resolveConflict(conflict, decision);
      // The card goes away: the page's heading takes the focus, so the keyboard is not lost.
      document.querySelector<HTMLElement>('[data-page-title]')?.focus();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  }

  return (
    <Paper component="article" variant="outlined" aria-labelledby={headingId} sx={{ p: 2, mb: 2, borderLeft: 4, borderLeftColor: 'warning.main' }}>
      <Typography variant="h2" id={headingId} sx={{ fontSize: '1.15rem', mb: 0.5 }}>
        {conflict.recordKind} · {conflict.field}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{conflict.recordLabel ?? 'Dato dell’amministrazione'}</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        {conflict.versions.map((v) => (
          <Version key={v.stamp} conflict={conflict} version={v} busy={busy} onKeep={() => void decide({ keep: v.stamp })} />
        ))}
      </Box>
      {!conflict.resolvable ? <Alert severity="info">Lo risolve chi può modificare questo dato: tu puoi solo consultarlo.</Alert> : null}
      {conflict.resolvable && conflict.mergeable && !merging ? (
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => {
            setDraft(mergedDraft(conflict));
            setMerging(true);
          }}
        >
          Unisci
        </Button>
      ) : null}
      {merging ? (
        <Box component="form" onSubmit={(e) => (e.preventDefault(), void decide({ merged: draft }))} sx={{ mt: 1 }}>
          <TextField
            label="Testo unito"
            helperText="Contiene entrambe le versioni: correggilo fino a ottenere il testo giusto, poi salvalo."
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            multiline
            minRows={6}
            fullWidth
            autoFocus
          />
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button type="submit" variant="contained" disabled={busy || draft.trim() === ''}>
              Salva il testo unito
            </Button>
            <Button onClick={() => setMerging(false)} disabled={busy}>
              Annulla
            </Button>
          </Box>
        </Box>
      ) : null}
      <ErrorAlert error={error} />
    </Paper>
  );
}
