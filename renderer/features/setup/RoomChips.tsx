import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useState, type KeyboardEvent } from 'react';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { SetupSede } from '../../../shared/contracts/auth';

/** Rooms of a sede as chips: type a name and press Enter (or "Aggiungi") to add; Canc on a chip removes it. */
export function RoomChips({ sedeName, rooms, onChange }: { sedeName: string; rooms: string[]; onChange: (rooms: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const name = draft.trim();
    if (name === '') return;
    if (rooms.some((r) => r.toLowerCase() === name.toLowerCase())) {
      setProblem(`La stanza «${name}» c'è già.`);
      return;
    }
    onChange([...rooms, name]);
    setDraft('');
    setProblem(null);
  };

  // Enter adds a room here instead of moving the wizard forward.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <Box>
      <Box component="ul" aria-label={`Stanze della sede ${sedeName}`} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, my: 1 }}>
        {rooms.map((room) => (
          <li key={room}>
            <Chip label={room} onDelete={() => onChange(rooms.filter((r) => r !== room))} aria-label={`${room}: premi Canc per toglierla`} />
          </li>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          label={`Nuova stanza (${sedeName})`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          slotProps={{ htmlInput: { maxLength: maxLengthOf(SetupSede.shape.rooms.element) } }}
          size="small"
          margin="none"
          error={Boolean(problem)}
          helperText={problem ?? 'Scrivi il nome e premi Invio.'}
          sx={{ maxWidth: 320 }}
        />
        <Button variant="outlined" onClick={add}>
          Aggiungi
        </Button>
      </Box>
    </Box>
  );
}
