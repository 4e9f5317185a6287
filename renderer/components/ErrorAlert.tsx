import Alert from '@mui/material/Alert';
import type { ShownError } from '../api/errors';

/**
 * The core's Italian message, as it said it; when several fields are wrong, all of them, so
 * the user fixes the form in one pass. Renders nothing without an error.
 */
export function ErrorAlert({ error, sx }: { error: ShownError | null; sx?: object }) {
  if (!error) return null;
  const issues = error.issues ?? [];
  if (issues.length < 2) {
    return (
      <Alert severity="error" sx={{ my: 2, ...sx }}>
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert severity="error" sx={{ my: 2, ...sx }}>
      {`Ci sono ${issues.length} campi da correggere:`}
      <ul style={{ margin: '4px 0 0', paddingLeft: '1.25rem' }}>
        {issues.map((i) => (
          <li key={`${i.field}:${i.message}`}>{i.message}</li>
        ))}
      </ul>
    </Alert>
  );
}
