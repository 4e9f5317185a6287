import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { ShownError } from '../api/errors';
import { ErrorAlert } from './ErrorAlert';
import { useLocked } from './lock-context';
import { useFocusOnError } from './useFocusOnError';

/** A dialog that is a form: Enter submits, Esc and "Annulla" close, the error stays above the fields. */
export function FormDialog({
  open,
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  children,
  maxWidth = 'sm',
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  error: ShownError | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  maxWidth?: 'xs' | 'sm' | 'md';
}) {
  const titleId = useId();
  const locked = useLocked();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog open={open && !locked} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth={maxWidth} fullWidth>
      <form onSubmit={handleSubmit} noValidate ref={formRef}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} sx={{ mt: 0 }} />
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Annulla
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
