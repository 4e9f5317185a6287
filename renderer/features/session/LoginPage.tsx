import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { login, selectLoginNotice, showRecover, useSessionStore } from './store';

export function LoginPage() {
  const notice = useSessionStore(selectLoginNotice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Accesso">
      {notice ? (
        <Alert severity="success" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label="Nome utente"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoFocus
          error={Boolean(fieldMessage(error, 'username'))}
          helperText={fieldMessage(error, 'username')}
          slotProps={{ htmlInput: { 'aria-required': true, autoCapitalize: 'none', spellCheck: false } }}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          error={Boolean(fieldMessage(error, 'password'))}
          helperText={fieldMessage(error, 'password')}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
        <Button type="submit" variant="contained" size="large" fullWidth loading={busy} sx={{ mt: 2 }}>
          Accedi
        </Button>
      </form>
      <Box sx={{ mt: 3, textAlign: 'center' }}>
        <Link component="button" type="button" onClick={showRecover} sx={{ fontSize: '1rem' }}>
          Password dell&apos;amministratore dimenticata?
        </Link>
      </Box>
    </AuthLayout>
  );
}
