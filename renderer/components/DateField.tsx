import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

/**
 * What the field hands up while what is typed is not a real date (29/02/2023, 31/11, half a
 * year): a string the contract's date check refuses, so a form never saves the previous value.
 */
export const INVALID_DATE = 'data-non-valida';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function toDayjs(value: string): Dayjs | null {
  return ISO.test(value) ? dayjs(value) : null;
}

function fromDayjs(d: Dayjs | null): string {
  if (d === null) return '';
  return d.isValid() ? d.format('YYYY-MM-DD') : INVALID_DATE;
}

/**
 * A calendar date typed as gg/mm/aaaa whatever the browser's language (MUI X's picker with the
 * Italian locale, not <input type="date">, which follows the browser: mm/dd/yyyy in en-US),
 * kept as YYYY-MM-DD, which is what the core expects; '' while empty.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  helperText,
  disabled,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  helperText?: string | undefined;
  /** Kept for callers; the label carries no asterisk, the form's own check says what is missing. */
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  // The picker keeps what is being typed; the form only learns the date (or that it is invalid).
  const [local, setLocal] = useState<Dayjs | null>(() => toDayjs(value));
  const [invalid, setInvalid] = useState(false);
  // What was typed, while it is what the form holds; the form's value when the form changed it.
  const shown = value === fromDayjs(local) || value === INVALID_DATE ? local : toDayjs(value);
  const own = invalid ? `${label}: data non valida. Scrivi gg/mm/aaaa (il 29/02 esiste solo negli anni bisestili).` : undefined;
  const message = own ?? error;
  return (
    <DatePicker
      label={label}
      value={shown}
      format="DD/MM/YYYY"
      minDate={dayjs('1900-01-01')}
      maxDate={dayjs('2100-12-31')}
      disabled={disabled}
      autoFocus={autoFocus}
      onError={(reason) => setInvalid(reason !== null)}
      // Half-typed values can already be dates (year 0002 while "2026" is being typed): only
      // one the picker finds valid (here, 1900-2100) reaches the form.
      onChange={(d, context) => {
        setLocal(d);
        onChange(context.validationError === null ? fromDayjs(d) : INVALID_DATE);
      }}
      slotProps={{
        textField: {
          error: Boolean(message),
          helperText: message ?? helperText,
        },
      }}
    />
  );
}
