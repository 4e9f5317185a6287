import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import type { PersonSummaryData } from '../../../shared/contracts/persons';
import type { Parentela } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { ApiError, fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { SearchBox, personLine } from '../search';
import { ConviventeField, ParentelaField } from './MemberDialogs';
import { EMPTY_PERSON, fieldsFromForm } from './person-form';
import { addMember, createOtherPerson } from './store';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { PersonFields } from '../../../shared/contracts/persons';

interface Chosen {
  id: string;
  label: string;
  line: string;
}

function fromSummary(p: PersonSummaryData): Chosen {
  return { id: p.id, label: `${p.cognome} ${p.nome}`, line: personLine(p) };
}

/** Add someone to the nucleo: a person already registered (found by search) or a new one. */
export function AddMemberDialog({ personId, onClose }: { personId: string; onClose: () => void }) {
  const [mode, setMode] = useState<'cerca' | 'nuova'>('cerca');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [nuova, setNuova] = useState({ cognome: '', nome: '', codiceFiscale: '', dataNascita: '', sesso: '' as '' | 'M' | 'F' });
  const [parentela, setParentela] = useState<Parentela | ''>('');
  const [convivente, setConvivente] = useState(true);
  const [dal, setDal] = useState(todayInRome());
  const save = useDialogSave(onClose);

  const submit = () => {
    if (!chosen && mode === 'cerca') {
      save.setError({ code: 'VALIDATION', message: 'Cerca e scegli la persona da aggiungere, oppure inseriscine una nuova.' });
      return;
    }
    void save.run(async () => {
      let memberId = chosen?.id;
      if (!memberId) {
        let created;
        try {
          created = await createOtherPerson(fieldsFromForm({ ...EMPTY_PERSON, ...nuova }));
        } catch (e) {
          // Already registered: look them up instead, with the code typed.
          if (e instanceof ApiError && e.code === 'CONFLICT' && nuova.codiceFiscale.trim() !== '') {
            setMode('cerca');
            setQuery(nuova.codiceFiscale.trim());
          }
          throw e;
        }
        // If adding fails now, the new person exists: a retry adds them instead of creating them twice.
        setChosen({ id: created.person.id, label: `${created.person.cognome} ${created.person.nome}`, line: created.person.codiceFiscale });
        setMode('cerca');
        memberId = created.person.id;
      }
      await addMember({ personId, memberPersonId: memberId, parentela: parentela as Parentela, convivente, dal });
    });
  };

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(save.error, name)), helperText: fieldMessage(save.error, name) });

  return (
    <FormDialog open title="Aggiungi componente al nucleo" submitLabel="Aggiungi componente" busy={save.busy} error={save.error} onClose={onClose} onSubmit={submit} maxWidth="md">
      {chosen ? (
        <Alert
          severity="success"
          action={
            <Button color="inherit" size="small" onClick={() => setChosen(null)}>
              Cambia
            </Button>
          }
          sx={{ mb: 1 }}
        >
          Persona scelta: <strong>{chosen.label}</strong> {chosen.line ? `· ${chosen.line}` : ''}
        </Alert>
      ) : (
        <>
          <ToggleButtonGroup
            exclusive
            value={mode}
            onChange={(_e, v: 'cerca' | 'nuova' | null) => v && setMode(v)}
            aria-label="Come indicare la persona"
            size="small"
            sx={{ mb: 1 }}
          >
            <ToggleButton value="cerca">Persona già registrata</ToggleButton>
            <ToggleButton value="nuova">Nuova persona</ToggleButton>
          </ToggleButtonGroup>
          {mode === 'cerca' ? (
            <SearchBox
              query={query}
              onQueryChange={setQuery}
              personsOnly
              label="Cerca la persona da aggiungere"
              autoFocus
              listMaxHeight={260}
              onChoose={(c) => setChosen(fromSummary(c.person))}
            />
          ) : (
            <Grid container columnSpacing={2}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Cognome"
                  value={nuova.cognome}
                  onChange={(e) => setNuova({ ...nuova, cognome: e.target.value })}
                  {...invalid('cognome')}
                  slotProps={{ htmlInput: { maxLength: maxLengthOf(PersonFields.shape.cognome), 'aria-required': true } }}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Nome"
                  value={nuova.nome}
                  onChange={(e) => setNuova({ ...nuova, nome: e.target.value })}
                  {...invalid('nome')}
                  slotProps={{ htmlInput: { maxLength: maxLengthOf(PersonFields.shape.nome), 'aria-required': true } }}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Codice fiscale"
                  value={nuova.codiceFiscale}
                  onChange={(e) => setNuova({ ...nuova, codiceFiscale: e.target.value.toUpperCase() })}
                  {...invalid('codiceFiscale')}
                  slotProps={{ htmlInput: { maxLength: maxLengthOf(PersonFields.shape.codiceFiscale), spellCheck: false } }}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 3 }}>
                <DateField
                  label="Data di nascita"
                  value={nuova.dataNascita}
                  onChange={(v) => setNuova({ ...nuova, dataNascita: v })}
                  error={fieldMessage(save.error, 'dataNascita')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 3 }}>
                <SelectField label="Sesso" value={nuova.sesso} onChange={(v) => setNuova({ ...nuova, sesso: v as '' | 'M' | 'F' })} required={false}>
                  <option value="">Non indicato</option>
                  <option value="M">Maschile</option>
                  <option value="F">Femminile</option>
                </SelectField>
              </Grid>
            </Grid>
          )}
        </>
      )}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', '& > .MuiFormControl-root': { flex: '1 1 220px' } }}>
        <ParentelaField value={parentela} onChange={setParentela} error={fieldMessage(save.error, 'parentela')} />
        <DateField label="Dal" value={dal} onChange={setDal} required error={fieldMessage(save.error, 'dal')} />
        <ConviventeField checked={convivente} onChange={setConvivente} />
      </Box>
    </FormDialog>
  );
}
