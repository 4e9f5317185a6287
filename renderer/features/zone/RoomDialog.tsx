import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { SedeData } from '../../../shared/contracts/zone';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { saveRoom } from './store';
import { maxLength } from '../../api/limits';

type Room = SedeData['rooms'][number];

export function RoomDialog({ room, onClose }: { room: Room; onClose: () => void }) {
  const [nome, setNome] = useState(room.nome);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveRoom({ id: room.id, sedeId: room.sedeId, nome, attiva: room.attiva });
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open
      title={`Rinomina la stanza «${room.nome}»`}
      submitLabel="Salva il nome"
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="xs"
    >
      <TextField
        label="Nome della stanza"
        value={nome}
        onChange={(e) => setNome(e.target.value)}
        autoFocus
        slotProps={{ htmlInput: { maxLength: maxLength('zone.saveRoom', 'nome') } }}
        error={Boolean(fieldMessage(error, 'nome'))}
        helperText={fieldMessage(error, 'nome')}
      />
    </FormDialog>
  );
}
