import { TimePicker } from '@mui/x-date-pickers/TimePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

/** Handed up while the typed time is incomplete: the contract's hh:mm check refuses it. */
export const INVALID_TIME = 'ora-non-valida';

const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function toDayjs(value: string): Dayjs | null {
  return HHMM.test(value) ? dayjs(`2000-01-01T${value}`) : null;
}

function fromDayjs(d: Dayjs | null): string {
  if (d === null) return '';
  return d.isValid() ? d.format('HH:mm') : INVALID_TIME;
}

/** A wall time typed as hh:mm on the 24-hour clock whatever the browser's language; '' while empty. */
export function TimeField({
  label,
  value,
  onChange,
  error,
  helperText,
  disabled,
  size,
  context,
}: {
  label: string;
  size?: 'small' | 'medium';
  /** Said to screen readers before the label ("Lunedì: "), where the row already shows it. */
  context?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  helperText?: string | undefined;
  /** Kept for callers; the label carries no asterisk, the form's own check says what is missing. */
  required?: boolean;
  disabled?: boolean;
}) {
  const [local, setLocal] = useState<Dayjs | null>(() => toDayjs(value));
  const [invalid, setInvalid] = useState(false);
  // What was typed, while it is what the form holds; the form's value when the form changed it.
  const shown = value === fromDayjs(local) || value === INVALID_TIME ? local : toDayjs(value);
  const message = (invalid ? `${label}: ora non valida (hh:mm, es. 09:30).` : undefined) ?? error;
  return (
    <TimePicker
      label={
        context ? (
          <>
            <span style={VISUALLY_HIDDEN}>{context}</span>
            {label}
          </>
        ) : (
          label
        )
      }
      value={shown}
      ampm={false}
      format="HH:mm"
      disabled={disabled}
      onError={(reason) => setInvalid(reason !== null)}
      // Half-typed values can already be dates (year 0002 while "2026" is being typed): only
      // one the picker finds valid (here, 1900-2100) reaches the form.
      onChange={(d, context) => {
        setLocal(d);
        onChange(context.validationError === null ? fromDayjs(d) : INVALID_TIME);
      }}
      slotProps={{ textField: { error: Boolean(message), helperText: message ?? helperText, ...(size ? { size } : {}) } }}
    />
  );
}
