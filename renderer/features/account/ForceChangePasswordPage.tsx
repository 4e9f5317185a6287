import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { hasRememberedLoginPassword, logout, selectSession, useSessionStore } from '../session';

export function ForceChangePasswordPage() {
  const session = useSessionStore(selectSession);
  // Decided once: after a reload the temporary password is no longer in memory and must be asked.
  const [askCurrent] = useState(() => !hasRememberedLoginPassword());
  return (
    <AuthLayout title="Scegli una nuova password" width={520}>
      <Typography sx={{ mb: 1 }}>
        {session ? `${session.user.fullName}, ` : ''}stai usando una password provvisoria. Prima di continuare scegline una personale, che conoscerai solo tu.
      </Typography>
      <ChangePasswordForm
        askCurrent={askCurrent}
        extraActions={
          <Button onClick={() => void logout()} color="secondary">
            Esci
          </Button>
        }
      />
    </AuthLayout>
  );
}
