import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { DiaryEntryData } from '../../../shared/contracts/cases';
import { DIARY_TYPE_CODES, DIARY_TYPES, type DiaryType } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { loadDirectory, selectDirectory, useSearchStore, type DirectoryUser } from '../search';
import { createDiaryEntry, updateDiaryEntry } from './store';
import { maxLength } from '../../api/limits';

type Named = Pick<DirectoryUser, 'id' | 'fullName'>;

/** Write or edit a diary entry; editing keeps the earlier version (the core stores it whole). */
export function DiaryDialog({ caseId, entry, onClose }: { caseId: string; entry: DiaryEntryData | null; onClose: () => void }) {
  const directory = useSearchStore(selectDirectory);
  const [tipo, setTipo] = useState<DiaryType>(entry?.tipo ?? 'colloquio');
  const [data, setData] = useState(entry?.data ?? todayInRome());
  const [ora, setOra] = useState(entry?.ora ?? '');
  const [luogo, setLuogo] = useState(entry?.luogo ?? '');
  const [partecipanti, setPartecipanti] = useState(entry?.partecipanti ?? '');
  const [testo, setTesto] = useState(entry?.testo ?? '');
  const [riservato, setRiservato] = useState(entry?.riservato ?? false);
  const [nominati, setNominati] = useState<Named[]>(entry?.nominati ?? []);
  const save = useDialogSave(onClose);
  useEffect(() => {
    void loadDirectory();
  }, []);

  const submit = () => {
    const fields = { tipo, data, ora, luogo, partecipanti, testo, riservato, nominati: riservato ? nominati.map((n) => n.id) : [] };
    void save.run(() => (entry ? updateDiaryEntry({ id: entry.id, ...fields }) : createDiaryEntry({ caseId, ...fields })));
  };
  const err = (name: string) => fieldMessage(save.error, name);

  return (
    <FormDialog
      open
      title={entry ? 'Modifica annotazione' : 'Nuova annotazione nel diario'}
      submitLabel="Salva annotazione"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <SelectField label="Tipo" value={tipo} onChange={(v) => setTipo(v as DiaryType)} error={err('tipo')}>
            {DIARY_TYPE_CODES.map((t) => (
              <option key={t} value={t}>
                {DIARY_TYPES[t]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateField label="Data" value={data} onChange={setData} required error={err('data')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TimeField label="Ora" value={ora} onChange={setOra} error={err('ora')} helperText="Facoltativa" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Luogo"
            value={luogo}
            onChange={(e) => setLuogo(e.target.value)}
            error={Boolean(err('luogo'))}
            helperText={err('luogo') ?? 'Es. sede di Amelia, domicilio'}
            slotProps={{ htmlInput: { maxLength: maxLength('diary.create', 'luogo') } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Partecipanti"
            value={partecipanti}
            onChange={(e) => setPartecipanti(e.target.value)}
            error={Boolean(err('partecipanti'))}
            helperText={err('partecipanti') ?? 'Chi era presente'}
            slotProps={{ htmlInput: { maxLength: maxLength('diary.create', 'partecipanti') } }}
          />
        </Grid>
      </Grid>
      <TextField
        label="Testo"
        value={testo}
        onChange={(e) => setTesto(e.target.value)}
        multiline
        minRows={8}
        error={Boolean(err('testo'))}
        helperText={err('testo')}
        slotProps={{ htmlInput: { maxLength: maxLength('diary.create', 'testo'), 'aria-required': true } }}
      />
      <FormControlLabel control={<Checkbox checked={riservato} onChange={(e) => setRiservato(e.target.checked)} />} label="Nota riservata" />
      {riservato ? (
        <Autocomplete<Named, true>
          multiple
          options={directory.map((u) => ({ id: u.id, fullName: u.fullName }))}
          value={nominati}
          onChange={(_e, v) => setNominati(v)}
          getOptionLabel={(u) => u.fullName}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Persone autorizzate a leggerla"
              error={Boolean(err('nominati'))}
              helperText={err('nominati') ?? 'Oltre a te (e agli psicologi), solo le persone indicate leggono la nota.'}
            />
          )}
        />
      ) : null}
    </FormDialog>
  );
}
