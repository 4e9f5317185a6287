import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import type { InputOf } from '../../../shared/contracts';
import { fieldMessage, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';

export type BeneficiarioFields = InputOf<'salBeneficiari.enrol'>['fields'];

export const EMPTY_BENEFICIARIO: BeneficiarioFields = {
  invianteServizio: '',
  invianteOperatore: '',
  l68: false,
  l68Percentuale: null,
  l104: false,
  cpiIscritto: false,
  cpiData: null,
  protezione: '',
  titoloStudio: '',
  competenze: '',
  esperienze: '',
  aspettative: '',
  patente: '',
  mezzi: '',
  disponibilita: '',
  distanzaMaxKm: null,
  iban: '',
};

const numberOrNull = (text: string) => (text.trim() === '' ? null : Math.trunc(Number(text)));

/** The SAL profile of a person: who sent him, his rights, what he can and wants to do. */
export function BeneficiarioForm({ value, onChange, error }: { value: BeneficiarioFields; onChange: (next: BeneficiarioFields) => void; error: ShownError | null }) {
  const set = <K extends keyof BeneficiarioFields>(key: K, v: BeneficiarioFields[K]) => onChange({ ...value, [key]: v });
  const msg = (name: keyof BeneficiarioFields) => fieldMessage(error, name);
  const text = (name: keyof BeneficiarioFields, label: string, props: { multiline?: boolean; helper?: string; required?: boolean } = {}) => (
    <TextField
      label={label}
      value={String(value[name] ?? '')}
      onChange={(e) => set(name, e.target.value as never)}
      error={Boolean(msg(name))}
      helperText={msg(name) ?? props.helper}
      multiline={props.multiline ?? false}
      minRows={props.multiline ? 2 : undefined}
      required={props.required ?? false}
      fullWidth
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>{text('invianteServizio', 'Servizio inviante', { required: true, helper: 'es. Servizio sociale professionale, CSM, SerD' })}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text('invianteOperatore', 'Operatore inviante')}</Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <FormControlLabel
          control={<Checkbox checked={value.l68} onChange={(e) => onChange({ ...value, l68: e.target.checked, l68Percentuale: e.target.checked ? value.l68Percentuale : null })} />}
          label="Collocamento mirato (L. 68/99)"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextField
          label="Percentuale di invalidità (L. 68/99)"
          type="number"
          value={value.l68Percentuale ?? ''}
          onChange={(e) => set('l68Percentuale', numberOrNull(e.target.value))}
          disabled={!value.l68}
          error={Boolean(msg('l68Percentuale'))}
          helperText={msg('l68Percentuale')}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <FormControlLabel control={<Checkbox checked={value.l104} onChange={(e) => set('l104', e.target.checked)} />} label="L. 104/92" />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <FormControlLabel
          control={
            <Checkbox checked={value.cpiIscritto} onChange={(e) => onChange({ ...value, cpiIscritto: e.target.checked, cpiData: e.target.checked ? value.cpiData : null })} />
          }
          label="Iscritto al Centro per l’impiego"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DateField
          label="Data di iscrizione al CPI"
          value={value.cpiData ?? ''}
          onChange={(v) => set('cpiData', v === '' ? null : v)}
          disabled={!value.cpiIscritto}
          error={msg('cpiData')}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SelectField label="Protezione internazionale" value={value.protezione} onChange={(v) => set('protezione', v as BeneficiarioFields['protezione'])} required={false}>
          <option value="">Non applicabile</option>
          <option value="richiedente_asilo">Richiedente asilo</option>
          <option value="protezione_internazionale">Titolare di protezione internazionale</option>
          <option value="protezione_speciale">Titolare di protezione speciale</option>
        </SelectField>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text('titoloStudio', 'Titolo di studio')}</Grid>
      <Grid size={{ xs: 12, md: 3 }}>{text('patente', 'Patente', { helper: 'es. B' })}</Grid>
      <Grid size={{ xs: 12, md: 3 }}>{text('mezzi', 'Mezzi di trasporto')}</Grid>
      <Grid size={{ xs: 12, md: 6 }}>{text('disponibilita', 'Disponibilità oraria', { helper: 'es. solo mattina, part-time' })}</Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField
          label="Distanza massima (km)"
          type="number"
          value={value.distanzaMaxKm ?? ''}
          onChange={(e) => set('distanzaMaxKm', numberOrNull(e.target.value))}
          error={Boolean(msg('distanzaMaxKm'))}
          helperText={msg('distanzaMaxKm') ?? 'In linea d’aria dal comune di residenza'}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>{text('iban', 'IBAN per l’indennità')}</Grid>
      <Grid size={12}>{text('competenze', 'Competenze', { multiline: true })}</Grid>
      <Grid size={12}>{text('esperienze', 'Esperienze di lavoro', { multiline: true })}</Grid>
      <Grid size={12}>{text('aspettative', 'Aspettative', { multiline: true })}</Grid>
    </Grid>
  );
}
