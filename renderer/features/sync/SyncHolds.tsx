import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { toShownError, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { decideHold } from './store';

type Hold = SyncStatusData['holds'][number];

/**
 * Batches from another workstation that would archive a large share of records, waiting for an
 * administrator, and the workstations whose batches stopped after a refusal. Counts only.
 */
export function SyncHolds({ status, canManage }: { status: SyncStatusData; canManage: boolean }) {
  const [asking, setAsking] = useState<{ hold: Hold; decision: 'confirm' | 'refuse' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  if (status.holds.length === 0 && status.stopped.length === 0) return null;
  return (
    <>
      {status.holds.map((h) => (
        <Alert
          key={h.node}
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="sync-hold"
          action={
            canManage ? (
              <Stack direction="row" spacing={1}>
                <Button color="inherit" onClick={() => setAsking({ hold: h, decision: 'confirm' })}>
                  Conferma
                </Button>
                <Button color="inherit" onClick={() => setAsking({ hold: h, decision: 'refuse' })}>
                  Rifiuta
                </Button>
              </Stack>
            ) : null
          }
        >
          {h.message} {canManage ? 'Finché non decidi, i pacchetti di quella postazione restano in attesa.' : 'Un amministratore deve confermare o rifiutare.'}
        </Alert>
      ))}
      {status.stopped.map((s) => (
        <Alert key={s.node} severity="error" sx={{ mb: 2 }} data-testid="sync-stopped">
          {s.message}
        </Alert>
      ))}
      {asking ? (
        <ConfirmDialog
          open
          title={asking.decision === 'confirm' ? 'Confermare l’archiviazione?' : 'Rifiutare il pacchetto?'}
          confirmLabel={asking.decision === 'confirm' ? 'Conferma e applica' : 'Rifiuta'}
          busy={busy}
          error={error}
          danger={asking.decision === 'refuse'}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            setBusy(true);
            setError(null);
            decideHold(asking.decision, { node: asking.hold.node, seq: asking.hold.seq })
              .then(() => setAsking(null))
              .catch((e: unknown) => setError(toShownError(e)))
              .finally(() => setBusy(false));
          }}
        >
          {asking.decision === 'confirm'
            ? `${asking.hold.message} Confermando, il pacchetto si applica qui come è arrivato.`
            : `Il pacchetto viene messo da parte nella cartella dei dati e da ora i pacchetti di «${asking.hold.label}» non vengono più letti su questa postazione. Per riprendere andrà revocata e abbinata di nuovo.`}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
