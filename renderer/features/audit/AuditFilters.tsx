import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../components/SelectField';
import { applyFilters, selectFilters, useAuditStore, type Outcome } from './store';

export function AuditFilters() {
  const applied = useAuditStore(selectFilters);
  const [outcome, setOutcome] = useState<string>(applied.outcome ?? '');
  const [username, setUsername] = useState(applied.username);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void applyFilters({ outcome: outcome === '' ? null : (outcome as Outcome), username });
  };
  const reset = () => {
    setOutcome('');
    setUsername('');
    void applyFilters({ outcome: null, username: '' });
  };

  return (
    <Box
      component="form"
      role="search"
      aria-label="Filtri del registro"
      onSubmit={submit}
      noValidate
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 1, '& .MuiFormControl-root': { width: 220 } }}
    >
      <SelectField label="Esito" value={outcome} onChange={setOutcome} required={false}>
        <option value="">Tutti</option>
        <option value="ok">consentito</option>
        <option value="denied">negato</option>
        <option value="error">errore</option>
      </SelectField>
      <TextField
        label="Utente"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        helperText="Nome utente, es. mario.rossi"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
      />
      {/* Aligned with the 56px fields' centre line, below their top margin. */}
      <Box sx={{ display: 'flex', gap: 1, mt: '24px' }}>
        <Button type="submit" variant="contained">
          Filtra
        </Button>
        <Button onClick={reset}>Togli i filtri</Button>
      </Box>
    </Box>
  );
}
