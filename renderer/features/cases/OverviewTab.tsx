import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { formatDate } from '../../i18n/format';
import { Section } from '../../components/Section';
import { OperatorsPanel } from './OperatorsPanel';
import { StatoChip } from './StatoChip';

export function OverviewTab({ detail, canAssign }: { detail: CaseDetailData; canAssign: boolean }) {
  const history = [...detail.statusHistory].reverse();
  return (
    <Grid container columnSpacing={3}>
      <Grid size={{ xs: 12, xl: 6 }}>
        <OperatorsPanel detail={detail} canAssign={canAssign} />
      </Grid>
      <Grid size={{ xs: 12, xl: 6 }}>
        <Section id="pannello-stati" title="Storico degli stati">
          <Table size="small" aria-labelledby="pannello-stati">
            <TableHead>
              <TableRow>
                <TableCell>Stato</TableCell>
                <TableCell>Data</TableCell>
                <TableCell>Motivo</TableCell>
                <TableCell>Operatore</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map((h, i) => (
                <TableRow key={`${h.data}-${h.stato}-${i}`}>
                  <TableCell>
                    <StatoChip stato={h.stato} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(h.data)}</TableCell>
                  <TableCell>{h.motivo || '—'}</TableCell>
                  <TableCell>{h.utente ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      </Grid>
    </Grid>
  );
}
