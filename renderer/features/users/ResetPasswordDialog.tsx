import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { UserData } from '../../../shared/contracts/users';
import { PASSWORD_RULE, passwordProblem } from '../../../shared/domain/password-policy';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { resetUserPassword } from './store';

export function ResetPasswordDialog({ user, onClose }: { user: UserData; onClose: (done: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const submit = async () => {
    const problem = passwordProblem(password, user.username);
    if (problem) {
      setError({ code: 'VALIDATION', message: problem, field: 'newPassword' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetUserPassword(user.id, password);
      onClose(true);
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open
      title={`Reimposta la password di ${user.fullName}`}
      submitLabel="Reimposta password"
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={() => onClose(false)}
      maxWidth="xs"
    >
      <Typography>Scegli una password provvisoria e comunicala a {user.fullName}: al prossimo accesso dovrà sceglierne una nuova.</Typography>
      <TextField
        label="Password provvisoria"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="new-password"
        autoFocus
        error={Boolean(fieldMessage(error, 'newPassword'))}
        helperText={fieldMessage(error, 'newPassword') ?? PASSWORD_RULE}
        slotProps={{ htmlInput: { 'aria-required': true } }}
      />
    </FormDialog>
  );
}
