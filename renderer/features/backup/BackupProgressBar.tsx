import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { selectProgress, useBackupStore } from './store';

/** The bar of a running backup or restore, fed by the core's `progress` events. */
export function BackupProgressBar() {
  const progress = useBackupStore(selectProgress);
  const labelId = useId();
  if (!progress) return null;
  const value = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Box sx={{ my: 2 }}>
      <Typography id={labelId} aria-live="polite" sx={{ mb: 0.5 }}>
        {progress.label} — {value}%
      </Typography>
      <LinearProgress variant="determinate" value={value} aria-labelledby={labelId} data-testid="backup-progress" />
    </Box>
  );
}
