import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { TemplateName } from '../../../shared/domain/letters';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../i18n/format';
import type { TemplateVersionRow } from './store';

/**
 * Every version of the template, newest first. A version never changes: it is named by the
 * SHA-256 of its text, the same hash every document printed with it records.
 */
export function VersionsList({ template, rows }: { template: TemplateName; rows: readonly TemplateVersionRow[] }) {
  const sorted = [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section id={`versioni-${template}`} title="Versioni">
      <Table size="small" aria-label="Versioni del modello">
        <TableHead>
          <TableRow>
            <TableCell>Impronta (SHA-256)</TableCell>
            <TableCell>Titolo</TableCell>
            <TableCell>Autore</TableCell>
            <TableCell>Data</TableCell>
            <TableCell>Stato</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((v) => (
            <TableRow key={v.versione} selected={v.corrente}>
              <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', maxWidth: 360 }}>
                {v.versione}
              </TableCell>
              <TableCell>{v.titolo}</TableCell>
              <TableCell>{v.originale ? 'Programma (originale)' : v.autore || '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.createdAt)}</TableCell>
              <TableCell>
                {v.corrente ? <Chip label="In uso" color="primary" size="small" sx={{ mr: 1 }} /> : null}
                {v.originale ? <Chip label="Originale" size="small" variant="outlined" /> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
