import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { PersonFields, type PersonCheckData } from '../../../shared/contracts/persons';
import { fieldMessage, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import type { CfField, PersonFormState } from './person-form';
import { PlaceField } from './PlaceField';
import { maxLengthOf } from '../../../shared/contracts/limits';

export interface SectionProps {
  form: PersonFormState;
  update: (patch: Partial<PersonFormState>, typed?: CfField) => void;
  error: ShownError | null;
}

export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: { xs: 2, md: 3 }, mb: 3 }}>
      <Typography variant="h2" id={id} sx={{ fontSize: '1.3rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

type TextKey = { [K in keyof PersonFormState]: PersonFormState[K] extends string ? K : never }[keyof PersonFormState] & keyof typeof PersonFields.shape;

/** A text field of the anagrafica, as long as the contract allows. */
function text(props: SectionProps, name: TextKey, label: string, extra?: { required?: boolean; helper?: string; type?: string }) {
  const message = fieldMessage(props.error, name);
  return (
    <TextField
      label={label}
      value={props.form[name]}
      onChange={(e) => props.update({ [name]: e.target.value })}
      error={Boolean(message)}
      helperText={message ?? extra?.helper}
      type={extra?.type}
      autoComplete="off"
      slotProps={{ htmlInput: { maxLength: maxLengthOf(PersonFields.shape[name]), 'aria-required': extra?.required ?? false } }}
    />
  );
}

function cfHelper(form: PersonFormState, check: PersonCheckData | null): { message: string; bad: boolean } {
  const cf = form.codiceFiscale.replace(/\s+/g, '');
  if (cf === '') return { message: 'Lascialo vuoto se non è ancora noto. Accettato anche il codice provvisorio di 11 cifre.', bad: false };
  if (!check) return { message: 'Verifica in corso…', bad: false };
  const c = check.codiceFiscale;
  if (c.valid) return { message: c.provvisorio ? 'Codice fiscale provvisorio valido.' : 'Codice fiscale valido.', bad: false };
  return { message: c.message ?? 'Codice fiscale non valido.', bad: cf.length >= 16 };
}

export function IdentityFields(props: SectionProps & { check: PersonCheckData | null }) {
  const { form, update, error, check } = props;
  const cfError = fieldMessage(error, 'codiceFiscale');
  const helper = cfHelper(form, check);
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'cognome', 'Cognome', { required: true })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'nome', 'Nome', { required: true })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField
          label="Codice fiscale"
          value={form.codiceFiscale}
          onChange={(e) => update({ codiceFiscale: e.target.value.toUpperCase() })}
          error={Boolean(cfError) || helper.bad}
          helperText={cfError ?? helper.message}
          autoComplete="off"
          slotProps={{
            htmlInput: {
              maxLength: maxLengthOf(PersonFields.shape.codiceFiscale),
              spellCheck: false,
              autoCapitalize: 'characters',
              style: { fontFamily: 'monospace', letterSpacing: '0.05em' },
            },
          }}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectField
          label="Sesso"
          value={form.sesso}
          onChange={(v) => update({ sesso: v as PersonFormState['sesso'] }, 'sesso')}
          error={fieldMessage(error, 'sesso')}
          required={false}
        >
          <option value="">Non indicato</option>
          <option value="M">Maschile</option>
          <option value="F">Femminile</option>
        </SelectField>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DateField label="Data di nascita" value={form.dataNascita} onChange={(v) => update({ dataNascita: v }, 'dataNascita')} error={fieldMessage(error, 'dataNascita')} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <PlaceField
          label="Luogo di nascita"
          mode="nascita"
          value={form.luogoNascita}
          onChange={(v) => update({ luogoNascita: v }, 'luogoNascita')}
          error={fieldMessage(error, 'luogoNascita')}
          helperText="Comune italiano (anche soppresso) o stato estero"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <PlaceField label="Cittadinanza" mode="cittadinanza" value={form.cittadinanza} onChange={(v) => update({ cittadinanza: v })} error={fieldMessage(error, 'cittadinanza')} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <PlaceField
          label="Seconda cittadinanza"
          mode="cittadinanza"
          value={form.cittadinanza2}
          onChange={(v) => update({ cittadinanza2: v })}
          error={fieldMessage(error, 'cittadinanza2')}
          helperText="Solo se ne ha due"
        />
      </Grid>
    </Grid>
  );
}

export function ResidenceFields(props: SectionProps) {
  const { form, update, error } = props;
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <PlaceField
          label="Comune di residenza"
          mode="residenza"
          value={form.residenzaComune}
          onChange={(v) => update({ residenzaComune: v })}
          error={fieldMessage(error, 'residenzaComuneIstat')}
          helperText="I comuni della zona per primi; scrivi il nome per gli altri"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'residenzaIndirizzo', 'Indirizzo di residenza', { helper: 'Via e numero civico' })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'domicilio', 'Domicilio', { helper: 'Solo se diverso dalla residenza' })}</Grid>
      <Grid size={{ xs: 12, md: 3 }}>{text(props, 'telefono', 'Telefono', { type: 'tel' })}</Grid>
      <Grid size={{ xs: 12, md: 3 }}>{text(props, 'email', 'Email', { type: 'email' })}</Grid>
    </Grid>
  );
}

export function OtherFields(props: SectionProps) {
  const { form, update } = props;
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'titoloStudio', 'Titolo di studio')}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'condizioneLavorativa', 'Condizione lavorativa')}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'permessoSoggiorno', 'Permesso di soggiorno', { helper: 'Tipo, numero e scadenza' })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'invalidita', 'Invalidità', { helper: 'Percentuale e tipo, se riconosciuta' })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text(props, 'tutore', 'Tutore / amministratore di sostegno', { helper: 'Nome e recapito' })}</Grid>
      <Grid size={{ xs: 12, md: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
        <FormControlLabel control={<Checkbox checked={form.legge104} onChange={(e) => update({ legge104: e.target.checked })} />} label="Riconoscimento L. 104/92" />
      </Grid>
    </Grid>
  );
}
