import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { SedeData } from '../../../shared/contracts/zone';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RoomDialog } from './RoomDialog';
import { saveRoom } from './store';
import { aLuogo } from '../../../shared/domain/italian';
import { maxLength } from '../../api/limits';

type Room = SedeData['rooms'][number];

export function RoomsEditor({ sede }: { sede: SedeData }) {
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [renaming, setRenaming] = useState<Room | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await saveRoom({ sedeId: sede.id, nome: newName, attiva: true });
      setNewName('');
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (room: Room) => {
    setError(null);
    try {
      await saveRoom({ id: room.id, sedeId: room.sedeId, nome: room.nome, attiva: !room.attiva });
    } catch (e) {
      setError(toShownError(e));
    }
  };

  return (
    <Box sx={{ maxWidth: 640 }}>
      <Typography variant="h3" component="h4" sx={{ fontSize: '1.05rem', mt: 2 }}>
        Stanze
      </Typography>
      <ErrorAlert error={error} />
      {sede.rooms.length === 0 ? <Typography color="text.secondary">Nessuna stanza.</Typography> : null}
      <List dense disablePadding>
        {sede.rooms.map((room) => (
          <ListItem key={room.id} disableGutters sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Typography sx={{ flex: 1, minWidth: 160, color: room.attiva ? 'text.primary' : 'text.secondary' }}>
              {room.nome}
              {room.attiva ? '' : ' (non attiva)'}
            </Typography>
            <FormControlLabel
              control={<Switch checked={room.attiva} onChange={() => void toggle(room)} slotProps={{ input: { 'aria-label': `${room.nome}: attiva` } }} />}
              label="Attiva"
            />
            <Button size="small" variant="outlined" onClick={() => setRenaming(room)} aria-label={`Rinomina ${room.nome}`}>
              Rinomina
            </Button>
          </ListItem>
        ))}
      </List>
      <Box component="form" onSubmit={add} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}>
        <TextField
          label={`Nuova stanza ${aLuogo(sede.nome)}`}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          size="small"
          margin="none"
          slotProps={{ htmlInput: { maxLength: maxLength('zone.saveRoom', 'nome') } }}
          sx={{ maxWidth: 320 }}
        />
        <Button type="submit" variant="outlined" loading={busy}>
          Aggiungi stanza
        </Button>
      </Box>
      {renaming ? <RoomDialog room={renaming} onClose={() => setRenaming(null)} /> : null}
    </Box>
  );
}
