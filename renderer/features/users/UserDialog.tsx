import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { UserData } from '../../../shared/contracts/users';
import type { SedeData } from '../../../shared/contracts/zone';
import { PROFILE_LABELS, PROFILES, type Profile } from '../../../shared/domain/permissions';
import { PASSWORD_RULE, passwordProblem } from '../../../shared/domain/password-policy';
import { USERNAME_HINT } from '../../../shared/domain/text';
import { usersContract } from '../../../shared/contracts/users';
import { checkWithSchema, fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { createUser, updateUser } from './store';
import { maxLength } from '../../api/limits';

/** Creates a user (with a temporary password) or edits one; `user` null means create. */
export function UserDialog({ user, sedi, onClose }: { user: UserData | null; sedi: SedeData[]; onClose: (saved: UserData | null) => void }) {
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [username, setUsername] = useState(user?.username ?? '');
  const [profile, setProfile] = useState<Profile>(user?.profile ?? 'assistente_sociale');
  const [sedeId, setSedeId] = useState(user ? (user.sedeId ?? '') : (sedi[0]?.id ?? ''));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const submit = async () => {
    // The contract's schema, so every field's problem shows at once, as the core would say it.
    const problem = user
      ? checkWithSchema(usersContract['users.update'].input, { id: user.id, fullName, profile, sedeId: sedeId || null })
      : checkWithSchema(usersContract['users.create'].input, { username, fullName, profile, sedeId: sedeId || null, password });
    if (problem) {
      setError(problem);
      return;
    }
    // …and the policy's check that knows the user name (not part of the schema).
    const withName = user ? null : passwordProblem(password, username.trim().toLowerCase());
    if (withName) {
      setError({ code: 'VALIDATION', message: withName, field: 'password' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = user
        ? await updateUser({ id: user.id, fullName, profile, sedeId: sedeId || null })
        : await createUser({ username, fullName, profile, sedeId: sedeId || null, password });
      onClose(saved);
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <FormDialog
      open
      title={user ? `Modifica utente: ${user.fullName}` : 'Nuovo utente'}
      submitLabel={user ? 'Salva le modifiche' : 'Crea utente'}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={() => onClose(null)}
    >
      <TextField
        label="Nome e cognome"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        autoFocus
        autoComplete="off"
        {...invalid('fullName')}
        slotProps={{ htmlInput: { 'aria-required': true, maxLength: maxLength('users.create', 'fullName') } }}
      />
      {user ? (
        <Typography sx={{ mt: 1 }}>
          Nome utente: <strong>{user.username}</strong> (non modificabile)
        </Typography>
      ) : (
        <TextField
          label="Nome utente"
          value={username}
          onChange={(e) => setUsername(e.target.value.toLowerCase())}
          autoComplete="off"
          error={Boolean(fieldMessage(error, 'username'))}
          helperText={fieldMessage(error, 'username') ?? `${USERNAME_HINT} (es. mario.rossi).`}
          slotProps={{ htmlInput: { 'aria-required': true, autoCapitalize: 'none', spellCheck: false, maxLength: maxLength('users.create', 'username') } }}
        />
      )}
      <SelectField label="Profilo" value={profile} onChange={(v) => setProfile(v as Profile)} error={fieldMessage(error, 'profile')}>
        {PROFILES.map((p) => (
          <option key={p} value={p}>
            {PROFILE_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Sede" value={sedeId} onChange={setSedeId} error={fieldMessage(error, 'sedeId')} required={false}>
        <option value="">Nessuna sede</option>
        {sedi.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nome}
          </option>
        ))}
      </SelectField>
      {user ? null : (
        <TextField
          label="Password provvisoria"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          error={Boolean(fieldMessage(error, 'password'))}
          helperText={fieldMessage(error, 'password') ?? `${PASSWORD_RULE} Comunicala all'utente: al primo accesso dovrà sceglierne una nuova.`}
          slotProps={{ htmlInput: { 'aria-required': true } }}
        />
      )}
    </FormDialog>
  );
}
