import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { UserData } from '../../../shared/contracts/users';
import { toShownError, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { selectZone, useZoneStore } from '../zone';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { loadUsers, selectUsers, selectUsersError, selectUsersLoaded, selectUsersLoading, setUserDisabled, useUsersStore } from './store';
import { UserDialog } from './UserDialog';
import { UsersTable } from './UsersTable';

type DialogState = { kind: 'create' } | { kind: 'edit'; user: UserData } | { kind: 'reset'; user: UserData } | { kind: 'toggle'; user: UserData } | null;

export function UsersTab({ currentUserId }: { currentUserId: string }) {
  const users = useUsersStore(selectUsers);
  const loaded = useUsersStore(selectUsersLoaded);
  const loading = useUsersStore(selectUsersLoading);
  const listError = useUsersStore(selectUsersError);
  const zone = useZoneStore(selectZone);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [toggleBusy, setToggleBusy] = useState(false);
  const [toggleError, setToggleError] = useState<ShownError | null>(null);

  useEffect(() => {
    void loadUsers();
  }, []);

  const closeDialog = () => {
    setDialog(null);
    setToggleError(null);
  };

  const confirmToggle = async (user: UserData) => {
    setToggleBusy(true);
    setToggleError(null);
    try {
      await setUserDisabled(user.id, !user.disabled);
      setNotice(user.disabled ? `${user.fullName} è stato riattivato.` : `${user.fullName} è stato disattivato.`);
      setDialog(null);
    } catch (e) {
      setToggleError(toShownError(e));
    } finally {
      setToggleBusy(false);
    }
  };

  if (listError) return <ErrorAlert error={listError} />;
  if (!loaded && loading) return <CircularProgress aria-label="Caricamento degli utenti" />;

  return (
    <section aria-labelledby="utenti-titolo">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" id="utenti-titolo">
          Utenti
        </Typography>
        <Button variant="contained" startIcon={<PersonAddOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          Nuovo utente
        </Button>
      </Box>
      {notice ? (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      ) : null}
      <UsersTable
        users={users}
        zone={zone}
        currentUserId={currentUserId}
        onEdit={(user) => setDialog({ kind: 'edit', user })}
        onReset={(user) => setDialog({ kind: 'reset', user })}
        onToggle={(user) => setDialog({ kind: 'toggle', user })}
      />

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserDialog
          user={dialog.kind === 'edit' ? dialog.user : null}
          sedi={zone?.sedi ?? []}
          onClose={(saved) => {
            if (saved) {
              setNotice(dialog.kind === 'create' ? `Utente ${saved.username} creato. Al primo accesso dovrà scegliere una nuova password.` : `Dati di ${saved.fullName} salvati.`);
            }
            closeDialog();
          }}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={(done) => {
            if (done) setNotice(`Password di ${dialog.user.fullName} reimpostata: al prossimo accesso dovrà sceglierne una nuova.`);
            closeDialog();
          }}
        />
      ) : null}
      {dialog?.kind === 'toggle' ? (
        <ConfirmDialog
          open
          title={dialog.user.disabled ? `Riattivare ${dialog.user.fullName}?` : `Disattivare ${dialog.user.fullName}?`}
          confirmLabel={dialog.user.disabled ? 'Riattiva' : 'Disattiva'}
          danger={!dialog.user.disabled}
          busy={toggleBusy}
          error={toggleError}
          onConfirm={() => void confirmToggle(dialog.user)}
          onClose={closeDialog}
        >
          {dialog.user.disabled
            ? `${dialog.user.fullName} potrà di nuovo accedere con la sua password.`
            : `${dialog.user.fullName} non potrà più accedere finché non lo riattivi. I dati che ha inserito e il registro degli accessi restano intatti.`}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
