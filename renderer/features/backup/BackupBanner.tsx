import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { href } from '../../router/hash-router';
import { loadAlert, selectAlert, useBackupStore } from './store';

/** The administrator's Home: backups not configured, or none succeeded for the set number of days. */
export function BackupBanner() {
  const alert = useBackupStore(selectAlert);
  useEffect(() => {
    void loadAlert();
  }, []);
  if (!alert?.show) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 3 }}
      role="alert"
      action={
        <Button color="inherit" href={href('/impostazioni/backup')}>
          Vai ai backup
        </Button>
      }
    >
      {alert.message}
    </Alert>
  );
}
