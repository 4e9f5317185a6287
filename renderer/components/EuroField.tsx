import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';

/** An amount in euro as the office types it ("1.234,56"); the form turns it into cents with parseEuro. */
export function EuroField({
  label,
  value,
  onChange,
  error,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? 'In euro, es. 1.234,56'}
      autoComplete="off"
      slotProps={{
        input: { endAdornment: <InputAdornment position="end">€</InputAdornment> },
        htmlInput: { inputMode: 'decimal', 'aria-required': required, maxLength: 20 },
      }}
    />
  );
}
