import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import type { ZoneData } from '../../../shared/contracts/zone';
import { PROFILES, PROFILE_LABELS, canHoldCase, type Profile } from '../../../shared/domain/permissions';

type Rules = ZoneData['regoleCartelle'];

/** Profiles that work on case files: only these can be offered as operatore responsabile. */
const CASE_PROFILES: Profile[] = PROFILES.filter((p) => canHoldCase(p, 'co_operatore', []));

/** The zone's rules on case operators: who may be responsabile, what a former operator keeps. */
export function CaseRulesFields({ value, onChange, message }: { value: Rules; onChange: (next: Rules) => void; message: string | undefined }) {
  const toggle = (profile: Profile, on: boolean) => {
    const next = on ? [...value.responsabiliProfili, profile] : value.responsabiliProfili.filter((p) => p !== profile);
    onChange({ ...value, responsabiliProfili: CASE_PROFILES.filter((p) => next.includes(p)) });
  };
  return (
    <>
      <Typography variant="h3" component="h3" sx={{ mt: 2 }}>
        Cartelle sociali
      </Typography>
      <FormControl component="fieldset" error={Boolean(message)} sx={{ mt: 1 }}>
        <FormLabel component="legend">Chi può essere operatore responsabile</FormLabel>
        <FormGroup row>
          {CASE_PROFILES.map((p) => (
            <FormControlLabel
              key={p}
              control={<Checkbox checked={value.responsabiliProfili.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />}
              label={PROFILE_LABELS[p]}
            />
          ))}
        </FormGroup>
        <FormHelperText>{message ?? 'Amministratore e mediatore SAL non lavorano sulle cartelle e non sono mai proposti.'}</FormHelperText>
      </FormControl>
      <FormControlLabel
        sx={{ display: 'flex', mt: 1 }}
        control={<Checkbox checked={value.exOperatoreLeggePropri} onChange={(e) => onChange({ ...value, exOperatoreLeggePropri: e.target.checked })} />}
        label="Dopo un trasferimento, l’operatore precedente può ancora leggere le annotazioni e gli allegati che ha scritto lui"
      />
    </>
  );
}
