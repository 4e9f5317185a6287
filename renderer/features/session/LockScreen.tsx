import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { logout, selectSession, unlock, useSessionStore } from './store';

export function LockScreen() {
  const session = useSessionStore(selectSession);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(password);
    } catch (e) {
      setError(toShownError(e));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sessione bloccata">
      {session ? (
        <Typography sx={{ mb: 1 }}>
          <strong>{session.user.fullName}</strong> ({PROFILE_LABELS[session.user.profile]}): la sessione è bloccata. Inserisci la tua password per riprendere da dove eri rimasto.
        </Typography>
      ) : null}
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          autoFocus
          error={Boolean(fieldMessage(error, 'password'))}
          helperText={fieldMessage(error, 'password')}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
        <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', mt: 2 }}>
          <Button onClick={() => void logout()} color="secondary" disabled={busy}>
            Esci
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            Sblocca
          </Button>
        </Box>
      </form>
    </AuthLayout>
  );
}
