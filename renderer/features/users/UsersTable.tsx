import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { UserData } from '../../../shared/contracts/users';
import type { ZoneData } from '../../../shared/contracts/zone';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import { sedeName } from '../zone';

export function UsersTable({
  users,
  zone,
  currentUserId,
  onEdit,
  onReset,
  onToggle,
}: {
  users: UserData[];
  zone: ZoneData | null;
  /** One cannot disable oneself: the office would risk losing its only administrator. */
  currentUserId: string;
  onEdit: (user: UserData) => void;
  onReset: (user: UserData) => void;
  onToggle: (user: UserData) => void;
}) {
  const sorted = [...users].sort((a, b) => a.fullName.localeCompare(b.fullName, 'it'));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label="Elenco degli utenti">
        <TableHead>
          <TableRow>
            <TableCell>Nome</TableCell>
            <TableCell>Nome utente</TableCell>
            <TableCell>Profilo</TableCell>
            <TableCell>Sede</TableCell>
            <TableCell>Stato</TableCell>
            <TableCell>Azioni</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((user) => (
            <TableRow key={user.id}>
              <TableCell component="th" scope="row">
                {user.fullName}
              </TableCell>
              <TableCell>{user.username}</TableCell>
              <TableCell>
                {PROFILE_LABELS[user.profile]}
                {user.profiloInAttesa ? ` (→ ${PROFILE_LABELS[user.profiloInAttesa]}: in attesa della conferma di un secondo amministratore)` : ''}
              </TableCell>
              <TableCell>{sedeName(zone, user.sedeId)}</TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  {user.disabled ? <Chip size="small" label="Disattivato" variant="outlined" /> : <Chip size="small" label="Attivo" color="success" variant="outlined" />}
                  {user.mustChangePassword && !user.disabled ? <Chip size="small" label="Password provvisoria" color="warning" variant="outlined" /> : null}
                </Box>
              </TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  <Button size="small" variant="outlined" onClick={() => onEdit(user)} aria-label={`Modifica ${user.fullName}`}>
                    Modifica
                  </Button>
                  <Button size="small" variant="outlined" onClick={() => onReset(user)} aria-label={`Reimposta password di ${user.fullName}`}>
                    Reimposta password
                  </Button>
                  {user.id === currentUserId ? null : (
                    <Button
                      size="small"
                      variant="outlined"
                      color={user.disabled ? 'primary' : 'error'}
                      onClick={() => onToggle(user)}
                      aria-label={`${user.disabled ? 'Riattiva' : 'Disattiva'} ${user.fullName}`}
                    >
                      {user.disabled ? 'Riattiva' : 'Disattiva'}
                    </Button>
                  )}
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
