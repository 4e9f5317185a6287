import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { SedeData, ZoneData } from '../../../shared/contracts/zone';
import { fieldMessage } from '../../api/errors';
import { useDialogSave } from '../../components/useDialogSave';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { saveSede } from './store';
import { maxLength } from '../../api/limits';

export function SedeDialog({ sede, zone, onClose }: { sede: SedeData | null; zone: ZoneData; onClose: (saved: boolean) => void }) {
  const [nome, setNome] = useState(sede?.nome ?? '');
  const [lettera, setLettera] = useState(sede?.lettera ?? '');
  const [comuneIstat, setComuneIstat] = useState(sede?.comuneIstat ?? '');
  const [indirizzo, setIndirizzo] = useState(sede?.indirizzo ?? '');
  const [telefono, setTelefono] = useState(sede?.telefono ?? '');
  const save = useDialogSave(() => onClose(true));
  const submit = () => save.run(() => saveSede({ ...(sede ? { id: sede.id } : {}), nome, lettera, comuneIstat, indirizzo, telefono }));
  const { busy, error } = save;

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <FormDialog
      open
      title={sede ? `Modifica sede: ${sede.nome}` : 'Nuova sede'}
      submitLabel={sede ? 'Salva la sede' : 'Aggiungi la sede'}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={() => onClose(false)}
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 8 }}>
          <TextField
            label="Nome della sede"
            value={nome}
            onChange={(e) => setNome(e.target.value)}
            autoFocus
            slotProps={{ htmlInput: { maxLength: maxLength('zone.saveSede', 'nome') } }}
            {...invalid('nome')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            label="Lettera"
            value={lettera}
            onChange={(e) => setLettera(e.target.value)}
            error={Boolean(fieldMessage(error, 'lettera'))}
            helperText={fieldMessage(error, 'lettera') ?? 'Nei numeri di cartella (es. 2026/N-0042).'}
            slotProps={{ htmlInput: { maxLength: 1 } }}
          />
        </Grid>
      </Grid>
      <SelectField label="Comune" value={comuneIstat} onChange={setComuneIstat} error={fieldMessage(error, 'comuneIstat')}>
        <option value="">Scegli il comune…</option>
        {zone.comuni.map((c) => (
          <option key={c.istat} value={c.istat}>
            {c.nome}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Indirizzo"
        value={indirizzo}
        onChange={(e) => setIndirizzo(e.target.value)}
        slotProps={{ htmlInput: { maxLength: maxLength('zone.saveSede', 'indirizzo') } }}
        {...invalid('indirizzo')}
      />
      <TextField
        label="Telefono"
        value={telefono}
        onChange={(e) => setTelefono(e.target.value)}
        type="tel"
        slotProps={{ htmlInput: { maxLength: maxLength('zone.saveSede', 'telefono') } }}
        {...invalid('telefono')}
      />
    </FormDialog>
  );
}
