import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { PASSWORD_RULE } from '../../../shared/domain/password-policy';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { checkNewPassword } from '../../components/password-check';
import { useFocusOnError } from '../../components/useFocusOnError';
import { changePassword, selectSession, useSessionStore } from '../session';

/**
 * Used both by the forced change after a temporary password and by "Il mio account". When the
 * temporary password was just typed at login, `askCurrent` is false and it is not asked again.
 */
export function ChangePasswordForm({ askCurrent, extraActions }: { askCurrent: boolean; extraActions?: ReactNode }) {
  const username = useSessionStore(selectSession)?.user.username;
  const [current, setCurrent] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    if (askCurrent && current === '') {
      setError({ code: 'VALIDATION', message: 'Password attuale: campo obbligatorio.', field: 'currentPassword' });
      return;
    }
    const problem = checkNewPassword(newPassword, confirm, username);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword(askCurrent ? current : null, newPassword);
      setCurrent('');
      setNewPassword('');
      setConfirm('');
      setDone(true);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate ref={formRef}>
      {done ? (
        <Alert severity="success" sx={{ my: 2 }}>
          Password cambiata. Usala dal prossimo accesso.
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      {askCurrent ? (
        <TextField
          label="Password attuale"
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          error={Boolean(fieldMessage(error, 'currentPassword'))}
          helperText={fieldMessage(error, 'currentPassword')}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
      ) : null}
      <TextField
        label="Nuova password"
        type="password"
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        autoComplete="new-password"
        autoFocus={!askCurrent}
        error={Boolean(fieldMessage(error, 'newPassword'))}
        helperText={fieldMessage(error, 'newPassword') ?? PASSWORD_RULE}
        slotProps={{ htmlInput: { 'aria-required': true } }}
      />
      <TextField
        label="Conferma nuova password"
        type="password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        autoComplete="new-password"
        error={Boolean(fieldMessage(error, 'confirm'))}
        helperText={fieldMessage(error, 'confirm')}
        slotProps={{ htmlInput: { 'aria-required': true } }}
      />
      <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', mt: 2, flexWrap: 'wrap' }}>
        {extraActions ?? <span />}
        <Button type="submit" variant="contained" loading={busy}>
          Salva la nuova password
        </Button>
      </Box>
    </form>
  );
}
