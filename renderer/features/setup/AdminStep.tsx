import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PASSWORD_RULE } from '../../../shared/domain/password-policy';
import { USERNAME_HINT } from '../../../shared/domain/text';
import { fieldMessage } from '../../api/errors';
import { selectAdminDraft, selectError, updateAdmin, useSetupStore } from './store';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { SetupInput } from '../../../shared/contracts/auth';

export function AdminStep() {
  const admin = useSetupStore(selectAdminDraft);
  const error = useSetupStore(selectError);
  const msg = (name: string) => fieldMessage(error, `admin.${name}`);
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        L&apos;amministratore crea gli utenti dell&apos;équipe e gestisce le impostazioni della zona. Non vede le cartelle sociali: per il lavoro sui casi ognuno usa il proprio
        utente.
      </Typography>
      <TextField
        label="Nome e cognome"
        value={admin.fullName}
        onChange={(e) => updateAdmin({ fullName: e.target.value })}
        autoComplete="name"
        error={Boolean(msg('fullName'))}
        helperText={msg('fullName')}
        slotProps={{ htmlInput: { 'aria-required': true, maxLength: maxLengthOf(SetupInput.shape.admin.shape.fullName) } }}
      />
      <TextField
        label="Nome utente"
        value={admin.username}
        onChange={(e) => updateAdmin({ username: e.target.value.toLowerCase() })}
        autoComplete="username"
        error={Boolean(msg('username'))}
        helperText={msg('username') ?? `${USERNAME_HINT} (es. admin.narni).`}
        slotProps={{ htmlInput: { 'aria-required': true, autoCapitalize: 'none', spellCheck: false, maxLength: maxLengthOf(SetupInput.shape.admin.shape.username) } }}
      />
      <TextField
        label="Password"
        type="password"
        value={admin.password}
        onChange={(e) => updateAdmin({ password: e.target.value })}
        autoComplete="new-password"
        error={Boolean(msg('password'))}
        helperText={msg('password') ?? PASSWORD_RULE}
        slotProps={{ htmlInput: { 'aria-required': true } }}
      />
      <TextField
        label="Conferma password"
        type="password"
        value={admin.confirm}
        onChange={(e) => updateAdmin({ confirm: e.target.value })}
        autoComplete="new-password"
        error={Boolean(msg('confirm'))}
        helperText={msg('confirm')}
        slotProps={{ htmlInput: { 'aria-required': true } }}
      />
    </>
  );
}
