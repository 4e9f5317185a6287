import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { NOTICE_LABELS } from './labels';
import { acknowledgeMyNotices, loadMyNotices, selectMine, useNoticesStore } from './store';

/**
 * At login: what an administrator did to this account since the last time (created it, reset
 * its password, changed its profile, assigned it to a case). Nobody's account changes unseen.
 */
export function AccountNoticesDialog() {
  const notices = useNoticesStore(selectMine);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadMyNotices();
  }, []);
  if (notices.length === 0) return null;
  const close = async () => {
    setBusy(true);
    try {
      await acknowledgeMyNotices();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open aria-labelledby="avvisi-account-titolo" maxWidth="sm" fullWidth>
      <DialogTitle id="avvisi-account-titolo">Modifiche al tuo account</DialogTitle>
      <DialogContent>
        <DialogContentText>Dall’ultimo accesso un amministratore ha fatto queste operazioni sul tuo account:</DialogContentText>
        <ul>
          {notices.map((n) => (
            <li key={n.id}>
              <strong>{NOTICE_LABELS[n.tipo]}</strong> il {formatDateTime(n.at)}
              {n.autore ? ` da ${n.autore}` : ''}: {n.dettaglio}
              {n.inAttesa ? ' (in attesa della conferma di un secondo amministratore)' : ''}.
            </li>
          ))}
        </ul>
        <DialogContentText>Se non te lo aspettavi, avvisa subito il coordinatore: ogni operazione è nel registro degli accessi.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => void close()} loading={busy} autoFocus>
          Ho preso visione
        </Button>
      </DialogActions>
    </Dialog>
  );
}
