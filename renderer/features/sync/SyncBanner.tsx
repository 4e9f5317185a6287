import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { href } from '../../router/hash-router';
import { syncStatus } from './store';

/** Home: the sync folder is unreachable or sync stopped. Everything else keeps working. */
export function SyncBanner() {
  const status = syncStatus.useStore((s) => s.data);
  useEffect(() => {
    void syncStatus.load('status');
  }, []);
  if (!status?.banner) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 3 }}
      role="alert"
      data-testid="sync-banner"
      action={
        <Button color="inherit" href={href('/impostazioni/sincronizzazione')}>
          Sincronizzazione
        </Button>
      }
    >
      {status.banner}
    </Alert>
  );
}
