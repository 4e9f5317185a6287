import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { formatDateTime } from '../../i18n/format';

type NodeRow = SyncStatusData['nodes'][number];

const STATE_LABELS: Record<NodeRow['state'], string> = {
  questa: 'Questa postazione',
  aggiornata: 'Aggiornata',
  in_attesa: 'Pacchetti da ricevere',
  mai_vista: 'Mai sincronizzata',
  revocata: 'Revocata',
};

function clock(n: NodeRow): string {
  if (n.self || n.driftSeconds === null) return '—';
  if (Math.abs(n.driftSeconds) <= 2) return 'Allineato';
  return `Avanti di ${n.driftSeconds} s`;
}

/** Every paired workstation: last segment applied here, in the folder, its clock and state. */
export function SyncNodesTable({ nodes, onRevoke }: { nodes: NodeRow[]; onRevoke: ((n: NodeRow) => void) | null }) {
  return (
    <Table size="small" aria-label="Postazioni della zona">
      <TableHead>
        <TableRow>
          <TableCell>Postazione</TableCell>
          <TableCell>Stato</TableCell>
          <TableCell>Ultimo pacchetto</TableCell>
          <TableCell>Ultima sincronizzazione</TableCell>
          <TableCell>Orologio</TableCell>
          <TableCell>Abbinata</TableCell>
          {onRevoke ? <TableCell /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {nodes.map((n) => (
          <TableRow key={n.node}>
            <TableCell>
              {n.label}
              <br />
              <small>{n.node}</small>
            </TableCell>
            <TableCell>{STATE_LABELS[n.state]}</TableCell>
            <TableCell>
              {n.appliedSeq}
              {n.folderSeq !== null && n.folderSeq !== n.appliedSeq ? ` (${n.folderSeq} nella cartella)` : ''}
            </TableCell>
            <TableCell>{n.lastSeenAt ? formatDateTime(n.lastSeenAt) : '—'}</TableCell>
            <TableCell>{clock(n)}</TableCell>
            <TableCell>
              {n.pairedAt ? formatDateTime(n.pairedAt) : ''}
              {n.pairedBy ? ` da ${n.pairedBy}` : ''}
            </TableCell>
            {onRevoke ? (
              <TableCell>
                {!n.self && !n.revokedAt ? (
                  <Button size="small" color="error" onClick={() => onRevoke(n)}>
                    Revoca
                  </Button>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
