import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { enterWithSession } from '../session/store';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { selectCreatedAt, selectCreatedSession, selectRecoveryKey, selectZoneDraft, useSetupStore } from './store';

export function RecoveryKeyStep() {
  const recoveryKey = useSetupStore(selectRecoveryKey);
  const session = useSetupStore(selectCreatedSession);
  const createdAt = useSetupStore(selectCreatedAt);
  const zone = useSetupStore(selectZoneDraft);
  const [kept, setKept] = useState(false);
  if (!recoveryKey || !session) return null;

  return (
    <>
      <Alert severity="success" sx={{ mb: 2 }}>
        Zona e amministratore creati. Resta un ultimo passo, importante.
      </Alert>
      <Typography sx={{ mb: 2 }}>
        Questa è la <strong>chiave di recupero</strong>. Serve a reimpostare la password dell&apos;amministratore e ad aprire
        i dati cifrati se tutte le password vengono dimenticate. Non verrà mostrata di nuovo: stampala o trascrivila ora e
        conservala in luogo sicuro, lontano dal computer.
      </Typography>
      <Paper variant="outlined" sx={{ p: 3, mb: 2, bgcolor: '#F2F7FC', borderColor: 'primary.main', borderWidth: 2 }}>
        <Typography component="p" sx={{ fontWeight: 600, mb: 1 }} id="chiave-etichetta">
          Chiave di recupero
        </Typography>
        <Typography
          component="p"
          aria-labelledby="chiave-etichetta"
          data-testid="recovery-key"
          sx={{ fontFamily: '"DejaVu Sans Mono", Consolas, "Courier New", monospace', fontSize: { xs: '1.2rem', md: '1.5rem' }, fontWeight: 700, letterSpacing: '0.05em', overflowWrap: 'anywhere', userSelect: 'all' }}
        >
          {recoveryKey}
        </Typography>
      </Paper>
      <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} sx={{ mb: 2 }}>
        Stampa la chiave di recupero
      </Button>
      <Box>
        <FormControlLabel
          control={<Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} />}
          label="Ho stampato o trascritto la chiave e la conserverò in luogo sicuro"
        />
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" size="large" disabled={!kept} onClick={() => enterWithSession(session)}>
          Entra nel programma
        </Button>
      </Box>
      <RecoveryKeySheet recoveryKey={recoveryKey} zoneName={zone.nome} adminUsername={session.user.username} date={createdAt ?? new Date()} />
    </>
  );
}
