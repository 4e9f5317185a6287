import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

/**
 * A native <select> inside an MUI field: labelled by a real <label>, operable with the
 * keyboard as every office PC user already knows, and driven by tests with selectOption.
 */
export function SelectField({
  label,
  value,
  onChange,
  children,
  error,
  helperText,
  disabled,
  required = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  error?: string | undefined;
  helperText?: string | undefined;
  disabled?: boolean;
  required?: boolean;
}) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? helperText}
      disabled={disabled}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'aria-required': required } }}
    >
      {children}
    </TextField>
  );
}
