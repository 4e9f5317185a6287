import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ReviewNoticeData } from '../../../shared/contracts/notices';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { NOTICE_LABELS } from './labels';
import { decide, loadReview, markReviewed, selectReview, selectReviewError, useNoticesStore } from './store';

function stateChip(n: ReviewNoticeData) {
  if (n.stato === 'da_confermare') return <Chip size="small" color="warning" label="Da confermare" />;
  if (n.unicoAdmin) return <Chip size="small" color="error" label="Un solo amministratore: da verificare" />;
  if (n.stato === 'rifiutato') return <Chip size="small" label="Rifiutata" />;
  return null;
}

/**
 * The coordinator's Home: what administrators did to accounts (creations, password resets,
 * profile changes, assignments by coordination), to review; acts that would give riservato
 * access to a new or just-reset account wait here for a second administrator.
 */
export function NoticesReviewSection({ canDecide }: { canDecide: boolean }) {
  const items = useNoticesStore(selectReview);
  const loadError = useNoticesStore(selectReviewError);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void loadReview();
  }, []);
  const act = async (id: string, fn: () => Promise<void>) => {
    setBusy(id);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper component="section" variant="outlined" aria-labelledby="azioni-da-rivedere" sx={{ p: { xs: 2, md: 3 }, mb: 4 }}>
      <Typography variant="h2" id="azioni-da-rivedere" sx={{ mb: 1 }}>
        Azioni amministrative da rivedere
      </Typography>
      <ErrorAlert error={loadError ?? error} />
      {items && items.length === 0 ? <Typography>Nessuna azione da rivedere.</Typography> : null}
      {items && items.some((n) => n.stato === 'da_confermare') ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          Alcune operazioni darebbero accesso alle note riservate a un account creato o reimpostato nelle ultime 24 ore: le conferma un secondo amministratore, non chi le ha
          chieste.
        </Alert>
      ) : null}
      {items && items.length > 0 ? (
        <Table size="small" aria-labelledby="azioni-da-rivedere">
          <TableHead>
            <TableRow>
              <TableCell>Quando</TableCell>
              <TableCell>Chi</TableCell>
              <TableCell>Account</TableCell>
              <TableCell>Operazione</TableCell>
              <TableCell>Azioni</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((n) => (
              <TableRow key={n.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.at)}</TableCell>
                <TableCell>{n.autore ?? '—'}</TableCell>
                <TableCell>{n.utente}</TableCell>
                <TableCell>
                  <strong>{NOTICE_LABELS[n.tipo]}</strong>: {n.dettaglio} {stateChip(n)}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                    {n.stato === 'da_confermare' && canDecide && n.puoiDecidere ? (
                      <>
                        <Button size="small" variant="contained" loading={busy === n.id} onClick={() => void act(n.id, () => decide(n.id, true))}>
                          Conferma
                        </Button>
                        <Button size="small" variant="outlined" color="error" disabled={busy === n.id} onClick={() => void act(n.id, () => decide(n.id, false))}>
                          Rifiuta
                        </Button>
                      </>
                    ) : null}
                    {n.stato === 'da_confermare' && !n.puoiDecidere ? <Typography variant="body2">In attesa di un secondo amministratore</Typography> : null}
                    {n.stato !== 'da_confermare' && !n.rivisto ? (
                      <Button size="small" variant="outlined" loading={busy === n.id} onClick={() => void act(n.id, () => markReviewed(n.id))}>
                        Segna come rivista
                      </Button>
                    ) : null}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Paper>
  );
}
