import TextField from '@mui/material/TextField';

/**
 * A calendar date typed as dd/mm/yyyy (the browser's Italian date input) and kept as
 * YYYY-MM-DD, which is what the core expects; '' while empty.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  helperText,
  required = false,
  disabled,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  helperText?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? helperText}
      disabled={disabled}
      autoFocus={autoFocus}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-required': required, min: '1900-01-01', max: '2100-12-31' } }}
    />
  );
}
