import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import type { SeedComune, SeedSede } from '../../../shared/domain/zone-seed';
import { fieldMessage, type ShownError } from '../../api/errors';
import { SelectField } from '../../components/SelectField';
import { RoomChips } from './RoomChips';
import { updateSede } from './store';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { SetupSede } from '../../../shared/contracts/auth';

/** One sede of the wizard, as a fieldset named after it so repeated labels stay distinguishable. */
export function SedeFields({ index, sede, comuni, error }: { index: number; sede: SeedSede; comuni: SeedComune[]; error: ShownError | null }) {
  const path = (name: string) => `zone.sedi.${index}.${name}`;
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, path(name))), helperText: fieldMessage(error, path(name)) });
  const title = `Sede ${index + 1}${sede.nome.trim() ? `: ${sede.nome.trim()}` : ''}`;
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, pt: 1, mt: 2, '& legend': { px: 1, fontWeight: 700, fontSize: '1.05rem' } }}>
      <legend>{title}</legend>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <TextField
            label="Nome della sede"
            value={sede.nome}
            onChange={(e) => updateSede(index, { nome: e.target.value })}
            slotProps={{ htmlInput: { maxLength: maxLengthOf(SetupSede.shape.nome) } }}
            {...invalid('nome')}
          />
        </Grid>
        <Grid size={{ xs: 4, md: 2 }}>
          <TextField
            label="Lettera"
            value={sede.lettera}
            onChange={(e) => updateSede(index, { lettera: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 1 } }}
            {...invalid('lettera')}
          />
        </Grid>
        <Grid size={{ xs: 8, md: 5 }}>
          <SelectField label="Comune" value={sede.comuneIstat} onChange={(v) => updateSede(index, { comuneIstat: v })} error={fieldMessage(error, path('comuneIstat'))}>
            <option value="">Scegli il comune…</option>
            {comuni.map((c) => (
              <option key={c.istat} value={c.istat}>
                {c.nome}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            label="Indirizzo"
            value={sede.indirizzo}
            onChange={(e) => updateSede(index, { indirizzo: e.target.value })}
            slotProps={{ htmlInput: { maxLength: maxLengthOf(SetupSede.shape.indirizzo) } }}
            {...invalid('indirizzo')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            label="Telefono"
            type="tel"
            value={sede.telefono}
            onChange={(e) => updateSede(index, { telefono: e.target.value })}
            slotProps={{ htmlInput: { maxLength: maxLengthOf(SetupSede.shape.telefono) } }}
            {...invalid('telefono')}
          />
        </Grid>
      </Grid>
      <RoomChips sedeName={sede.nome || `sede ${index + 1}`} rooms={sede.rooms} onChange={(rooms) => updateSede(index, { rooms })} />
    </Box>
  );
}
