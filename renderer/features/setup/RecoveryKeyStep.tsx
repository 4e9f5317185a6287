import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { enterWithKeyKept, selectBusy, selectCreatedAt, selectCreatedSession, selectRecoveryKey, selectZoneDraft, useSetupStore } from './store';
import { RecoveryKeyPanel } from '../../components/RecoveryKeyPanel';

export function RecoveryKeyStep() {
  const recoveryKey = useSetupStore(selectRecoveryKey);
  const session = useSetupStore(selectCreatedSession);
  const createdAt = useSetupStore(selectCreatedAt);
  const zone = useSetupStore(selectZoneDraft);
  const busy = useSetupStore(selectBusy);
  const [kept, setKept] = useState(false);
  if (!recoveryKey || !session) return null;

  return (
    <>
      <Alert severity="success" sx={{ mb: 2 }}>
        Zona e amministratore creati. Resta un ultimo passo, importante.
      </Alert>
      <Typography sx={{ mb: 2 }}>
        Questa è la <strong>chiave di recupero</strong>. Serve a reimpostare la password dell&apos;amministratore e ad aprire i dati cifrati se tutte le password vengono
        dimenticate. Non verrà mostrata di nuovo: stampala o trascrivila ora e conservala in luogo sicuro, lontano dal computer.
      </Typography>
      <RecoveryKeyPanel
        recoveryKey={recoveryKey}
        title="Chiave di recupero"
        keptLabel="Ho stampato o trascritto la chiave e la conserverò in luogo sicuro"
        kept={kept}
        onKept={setKept}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" size="large" disabled={!kept} loading={busy} onClick={() => void enterWithKeyKept()}>
          Entra nel programma
        </Button>
      </Box>
      <RecoveryKeySheet recoveryKey={recoveryKey} zoneName={zone.nome} adminUsername={session.user.username} date={createdAt ?? new Date()} />
    </>
  );
}
