import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatEuro } from '../../i18n/money';
import type { Report } from './store';

type ReportTableData = Report['sezioni'][number]['tabelle'][number];
type Cell = ReportTableData['totali'][number];

const count = new Intl.NumberFormat('it-IT');

/** A figure on screen: "< 5" where it is hidden outside the office; the coordinator also sees the exact one. */
function CellText({ cell, unita, soglia }: { cell: Cell; unita: ReportTableData['unita']; soglia: number }) {
  const value = cell.valore === null ? '' : unita === 'euro' ? formatEuro(cell.valore) : count.format(cell.valore);
  if (!cell.nascosto) return <>{value}</>;
  return (
    <span title="Nascosto in stampa e nelle esportazioni" style={{ fontStyle: 'italic' }}>
      {`< ${soglia}`}
      {cell.valore !== null ? <span data-exact> ({value})</span> : null}
    </span>
  );
}

export function ReportTable({ table, soglia }: { table: ReportTableData; soglia: number }) {
  const id = `tabella-${table.id}`;
  return (
    <section aria-labelledby={id} style={{ marginBottom: 24 }}>
      <Typography variant="h3" id={id} sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 1 }}>
        {table.titolo}
      </Typography>
      <TableContainer>
        <Table size="small" aria-labelledby={id}>
          <TableHead>
            <TableRow>
              <TableCell component="th">Gruppo</TableCell>
              {table.colonne.map((c) => (
                <TableCell key={c} component="th" align="right">
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.righe.map((r) => (
              <TableRow key={r.etichetta}>
                <TableCell component="th" scope="row">
                  {r.etichetta}
                </TableCell>
                {r.celle.map((c, j) => (
                  <TableCell key={table.colonne[j]} align="right" data-hidden={c.nascosto ? 'true' : undefined}>
                    <CellText cell={c} unita={table.unita} soglia={soglia} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
                Totale
              </TableCell>
              {table.totali.map((c, j) => (
                <TableCell key={table.colonne[j]} align="right" sx={{ fontWeight: 700 }} data-hidden={c.nascosto ? 'true' : undefined}>
                  <CellText cell={c} unita={table.unita} soglia={soglia} />
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
      {table.nota ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {table.nota}
        </Typography>
      ) : null}
    </section>
  );
}
