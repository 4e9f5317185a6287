import Alert from '@mui/material/Alert';
import type { ShownError } from '../api/errors';

/** The core's Italian message, as it said it. Renders nothing without an error. */
export function ErrorAlert({ error, sx }: { error: ShownError | null; sx?: object }) {
  if (!error) return null;
  return (
    <Alert severity="error" sx={{ my: 2, ...sx }}>
      {error.message}
    </Alert>
  );
}
