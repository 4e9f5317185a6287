import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { PageTitle } from '../../components/PageTitle';
import { useDialogSave } from '../../components/useDialogSave';
import { href } from '../../router/hash-router';
import { emergencyAccess } from './store';
import { maxLength } from '../../api/limits';

const MIN_REASON = 15;

/** Shown on a case opened through an emergency access, for as long as it lasts. */
export function EmergencyBanner() {
  return (
    <Alert severity="error" variant="filled" sx={{ mb: 2, fontSize: '1.05rem' }}>
      Aperta con accesso in emergenza: il coordinatore ne è informato.
    </Alert>
  );
}

function EmergencyDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [motivo, setMotivo] = useState('');
  const save = useDialogSave(onClose);
  const short = motivo.trim().length < MIN_REASON;
  const submit = () => {
    if (short) return save.setError({ code: 'VALIDATION', field: 'motivo', message: `Motivo dell’accesso in emergenza: almeno ${MIN_REASON} caratteri.` });
    void save.run(() => emergencyAccess({ id: caseId, motivo }));
  };
  return (
    <FormDialog open title="Accesso in emergenza" submitLabel="Apri la cartella in emergenza" busy={save.busy} error={save.error} onClose={onClose} onSubmit={submit}>
      <Typography sx={{ mb: 1 }}>
        Usalo solo quando serve davvero, ad esempio per una situazione urgente in assenza dell’operatore responsabile. L’accesso è registrato con il motivo e il coordinatore ne è
        informato.
      </Typography>
      <TextField
        label="Motivo dell’accesso in emergenza"
        value={motivo}
        onChange={(e) => setMotivo(e.target.value)}
        multiline
        minRows={3}
        autoFocus
        error={save.error?.field === 'motivo'}
        helperText={save.error?.field === 'motivo' ? save.error.message : `Almeno ${MIN_REASON} caratteri (${motivo.trim().length} scritti).`}
        slotProps={{ htmlInput: { maxLength: maxLength('cases.emergencyAccess', 'motivo'), 'aria-required': true } }}
      />
    </FormDialog>
  );
}

/** The core refused the case (not assigned): say so, and offer the emergency access if the profile has it. */
export function CaseRefused({ caseId, error, canEmergency }: { caseId: string; error: ShownError; canEmergency: boolean }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <PageTitle>Cartella non assegnata</PageTitle>
      <Alert severity="warning" icon={<LockOutlined />} sx={{ mb: 2 }}>
        <AlertTitle>Non puoi aprire questa cartella</AlertTitle>
        {error.message}
      </Alert>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {canEmergency ? (
          <Button variant="contained" color="error" onClick={() => setAsking(true)}>
            Accesso in emergenza
          </Button>
        ) : null}
        <Link href={href('/persone')}>Torna alla ricerca</Link>
      </Box>
      {asking ? <EmergencyDialog caseId={caseId} onClose={() => setAsking(false)} /> : null}
    </>
  );
}
