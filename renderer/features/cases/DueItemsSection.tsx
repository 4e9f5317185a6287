import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { casePath } from './routes';
import { loadDueItems, selectDueError, selectDueItems, useDueStore, type DueItem } from './store';

const KIND_LABELS: Record<DueItem['kind'], string> = { pai_revisione: 'Revisione del PAI', isee_scadenza: 'Scadenza ISEE' };

/** Home page: PAI reviews and ISEE expiring for the user's people, soonest first. */
export function DueItemsSection() {
  const items = useDueStore(selectDueItems);
  const error = useDueStore(selectDueError);
  useEffect(() => {
    void loadDueItems();
  }, []);
  const rows = [...(items ?? [])].sort((a, b) => a.data.localeCompare(b.data));

  return (
    <Paper component="section" variant="outlined" aria-labelledby="scadenze" sx={{ p: { xs: 2, md: 3 }, mb: 4 }}>
      <Typography variant="h2" id="scadenze" sx={{ mb: 1 }}>
        Scadenze
      </Typography>
      <ErrorAlert error={error} />
      {items && rows.length === 0 ? <Typography>Nessuna scadenza: nessuna revisione di PAI o ISEE in scadenza nei prossimi giorni.</Typography> : null}
      {rows.length > 0 ? (
        <Table size="small" aria-labelledby="scadenze">
          <TableHead>
            <TableRow>
              <TableCell>Data</TableCell>
              <TableCell>Che cosa</TableCell>
              <TableCell>Persona</TableCell>
              <TableCell>Cartella</TableCell>
              <TableCell>Dettaglio</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={`${d.kind}-${d.personId}-${d.caseId ?? ''}-${d.data}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDate(d.data)} <Chip size="small" color={d.scaduto ? 'error' : 'warning'} label={d.scaduto ? 'Scaduto' : 'In scadenza'} />
                </TableCell>
                <TableCell>{KIND_LABELS[d.kind]}</TableCell>
                <TableCell>
                  <Link href={href(`/persone/${d.personId}`)}>{d.personName}</Link>
                </TableCell>
                <TableCell>
                  {d.caseId && d.caseNumero ? <Link href={href(casePath(d.caseId, d.kind === 'pai_revisione' ? 'pai' : 'riepilogo'))}>{d.caseNumero}</Link> : '—'}
                </TableCell>
                <TableCell>{d.label}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Paper>
  );
}
