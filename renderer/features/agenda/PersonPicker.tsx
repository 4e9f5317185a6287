import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { SelectField } from '../../components/SelectField';
import { findPeople } from './store';

export interface PickedPerson {
  personId: string | null;
  personLabel: string;
  caseId: string | null;
}

/** Who the appointment is with: searched by name or codice fiscale; the person's first case is linked. */
export function PersonPicker({ value, onChange, onError }: { value: PickedPerson; onChange: (p: PickedPerson) => void; onError: (e: ShownError) => void }) {
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<{ id: string; label: string; caseId: string | null }[] | null>(null);
  const search = async () => {
    try {
      const results = await findPeople(query);
      setPeople(results.map((p) => ({ id: p.id, label: `${p.cognome} ${p.nome}${p.comune ? ` (${p.comune})` : ''}`, caseId: p.cases[0]?.id ?? null })));
    } catch (e) {
      onError(toShownError(e));
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Persona (cognome, nome o codice fiscale)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here instead of submitting the whole appointment.
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
          sx={{ flex: 1 }}
        />
        <Button variant="outlined" onClick={() => void search()} disabled={query.trim().length < 2} sx={{ mt: 1 }}>
          Cerca
        </Button>
      </Stack>
      {people?.length === 0 ? <Alert severity="info">Nessuna persona trovata.</Alert> : null}
      {people && people.length > 0 ? (
        <SelectField
          label="Persona trovata"
          value={value.personId ?? ''}
          onChange={(v) => {
            const p = people.find((x) => x.id === v);
            onChange({ personId: p?.id ?? null, personLabel: p?.label ?? '', caseId: p?.caseId ?? null });
          }}
          required={false}
        >
          <option value="">Nessuna</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {value.personId ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={() => onChange({ personId: null, personLabel: '', caseId: null })}>
              Togli
            </Button>
          }
        >
          Con: {value.personLabel || 'persona collegata'}
          {value.caseId ? ' · cartella collegata' : ' · nessuna cartella collegata'}
        </Alert>
      ) : null}
    </Stack>
  );
}
