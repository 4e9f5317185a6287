import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { PROBLEMATICA_CODES, PROBLEMATICHE, type Problematica } from '../../../shared/domain/cartella';

/** The problems of a case file: a group of checkboxes, in two columns on wide screens. */
export function ProblematicheField({ value, onChange, error }: { value: Problematica[]; onChange: (v: Problematica[]) => void; error?: string | undefined }) {
  const toggle = (p: Problematica, on: boolean) => onChange(on ? PROBLEMATICA_CODES.filter((c) => c === p || value.includes(c)) : value.filter((c) => c !== p));
  return (
    <FormControl component="fieldset" error={Boolean(error)} sx={{ mt: 2, width: '100%' }}>
      <FormLabel component="legend">Problematiche</FormLabel>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
        {PROBLEMATICA_CODES.map((p) => (
          <FormControlLabel key={p} control={<Checkbox checked={value.includes(p)} onChange={(e) => toggle(p, e.target.checked)} size="small" />} label={PROBLEMATICHE[p]} />
        ))}
      </Box>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}
