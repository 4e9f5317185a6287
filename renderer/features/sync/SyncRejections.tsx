import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { formatDateTime } from '../../i18n/format';

/** The newest refused segments, from the sync log beside the database: when, whose, which, why. */
export function SyncRejections({ rejections }: { rejections: SyncStatusData['rejections'] }) {
  if (rejections.length === 0) return <Typography>Nessun pacchetto rifiutato.</Typography>;
  return (
    <Table size="small" aria-label="Pacchetti rifiutati" data-testid="sync-rejections">
      <TableHead>
        <TableRow>
          <TableCell>Quando</TableCell>
          <TableCell>Postazione</TableCell>
          <TableCell>Pacchetto</TableCell>
          <TableCell>Motivo</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rejections.map((r, i) => (
          <TableRow key={`${r.at}-${r.node}-${r.seq}-${i}`}>
            <TableCell>{formatDateTime(r.at)}</TableCell>
            <TableCell>{r.label}</TableCell>
            <TableCell>{r.seq}</TableCell>
            <TableCell>{r.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
