import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { AuditRowData } from '../../../shared/contracts/audit';
import { formatDateTime } from '../../i18n/format';
import { actionLabel, profileLabel, subjectTypeLabel } from '../../i18n/action-labels';

const OUTCOME: Record<AuditRowData['outcome'], { label: string; color: 'success' | 'error' | 'warning' }> = {
  ok: { label: 'consentito', color: 'success' },
  denied: { label: 'negato', color: 'error' },
  error: { label: 'errore', color: 'warning' },
};

function subject(row: AuditRowData): string {
  const type = row.subjectType ? subjectTypeLabel(row.subjectType) : null;
  if (row.subjectLabel) return type ? `${type}: ${row.subjectLabel}` : row.subjectLabel;
  return type ?? '—';
}

export function AuditTable({ rows, caption }: { rows: AuditRowData[]; caption: string }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      {/* Ten columns must fit 1366 px: cells wrap (top-aligned) instead of pushing Dettaglio off-screen. */}
      <Table size="small" aria-label={caption} sx={{ width: '100%', '& td, & th': { px: 1, fontSize: '0.9rem', verticalAlign: 'top' } }}>
        <TableHead>
          <TableRow>
            <TableCell>N.</TableCell>
            <TableCell>Data e ora</TableCell>
            <TableCell>Utente</TableCell>
            <TableCell>Profilo</TableCell>
            <TableCell>Postazione</TableCell>
            <TableCell sx={{ minWidth: 140 }}>Azione</TableCell>
            <TableCell sx={{ minWidth: 100 }}>Soggetto</TableCell>
            <TableCell>Finalità</TableCell>
            <TableCell>Esito</TableCell>
            <TableCell sx={{ width: '28%', minWidth: 200 }}>Dettaglio</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const outcome = OUTCOME[row.outcome];
            return (
              <TableRow key={row.seq}>
                <TableCell>{row.seq}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</TableCell>
                <TableCell>{row.username ?? '—'}</TableCell>
                <TableCell>{profileLabel(row.profile)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.workstation}</TableCell>
                <TableCell title={row.action}>{actionLabel(row.action)}</TableCell>
                <TableCell title={row.subjectId ?? undefined}>{subject(row)}</TableCell>
                <TableCell>{row.purpose ?? '—'}</TableCell>
                <TableCell>
                  <Chip size="small" label={outcome.label} color={outcome.color} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{row.detail ?? ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
