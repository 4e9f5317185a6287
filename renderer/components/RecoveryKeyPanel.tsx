import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

/**
 * A recovery key shown once (at set-up, and after each recovery): the key, big and selectable,
 * a print button (the page's print sheet shows only it) and the confirmation that it was kept.
 */
export function RecoveryKeyPanel({
  recoveryKey,
  title,
  keptLabel,
  kept,
  onKept,
}: {
  recoveryKey: string;
  title: string;
  keptLabel: string;
  kept: boolean;
  onKept: (kept: boolean) => void;
}) {
  const labelId = useId();
  return (
    <>
      <Paper variant="outlined" sx={{ p: 3, mb: 2, bgcolor: '#F2F7FC', borderColor: 'primary.main', borderWidth: 2 }}>
        <Typography component="p" sx={{ fontWeight: 600, mb: 1 }} id={labelId}>
          {title}
        </Typography>
        <Typography
          component="p"
          aria-labelledby={labelId}
          data-testid="recovery-key"
          sx={{
            fontFamily: '"DejaVu Sans Mono", Consolas, "Courier New", monospace',
            fontSize: { xs: '1.2rem', md: '1.5rem' },
            fontWeight: 700,
            letterSpacing: '0.05em',
            overflowWrap: 'anywhere',
            userSelect: 'all',
          }}
        >
          {recoveryKey}
        </Typography>
      </Paper>
      <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} sx={{ mb: 2 }}>
        Stampa la chiave di recupero
      </Button>
      <Box>
        <FormControlLabel control={<Checkbox checked={kept} onChange={(e) => onKept(e.target.checked)} />} label={keptLabel} />
      </Box>
    </>
  );
}
