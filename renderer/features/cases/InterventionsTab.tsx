import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetailData, InterventionData } from '../../../shared/contracts/cases';
import { formatDate } from '../../i18n/format';
import { formatEuro } from '../../i18n/money';
import { formatHours } from './amounts';
import { Section } from '../../components/Section';
import { DeliveryDialog, InterventionDialog, STATI_INTERVENTO } from './InterventionDialogs';

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function InterventionCard({ i, canWrite, onEdit, onDeliver }: { i: InterventionData; canWrite: boolean; onEdit: () => void; onDeliver: () => void }) {
  const titleId = `intervento-${i.id}`;
  const rows = [...i.erogazioni].sort((a, b) => b.data.localeCompare(a.data));
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="h3" id={titleId} sx={{ fontSize: '1.15rem' }}>
            <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {i.prestazioneCodice}
            </Box>{' '}
            — {i.descrizione} <Chip size="small" label={STATI_INTERVENTO[i.stato]} color={i.stato === 'attivo' ? 'success' : 'default'} />
          </Typography>
          <Typography sx={{ color: 'text.secondary' }}>
            Dal {formatDate(i.dataInizio)}
            {i.dataFine ? ` al ${formatDate(i.dataFine)}` : ''} · Importo {formatEuro(i.importoCents)} · Quota ente {formatEuro(i.quotaEnteCents)} · Quota utente{' '}
            {formatEuro(i.quotaUtenteCents)} · Ore mensili {formatHours(i.oreMensili)}
          </Typography>
        </Box>
        {canWrite ? (
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="outlined" onClick={onDeliver}>
              Aggiungi erogazione
            </Button>
            <Button onClick={onEdit}>Modifica</Button>
          </Box>
        ) : null}
      </Box>
      {rows.length === 0 ? (
        <Typography sx={{ mt: 1 }}>Nessuna erogazione registrata.</Typography>
      ) : (
        <Table size="small" aria-label={`Erogazioni dell’intervento ${i.prestazioneCodice}`} sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>Data</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell align="right">Quota ente</TableCell>
              <TableCell align="right">Quota utente</TableCell>
              <TableCell align="right">Ore</TableCell>
              <TableCell>Note</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{formatDate(d.data)}</TableCell>
                <TableCell align="right">{formatEuro(d.importoCents)}</TableCell>
                <TableCell align="right">{formatEuro(d.quotaEnteCents)}</TableCell>
                <TableCell align="right">{formatEuro(d.quotaUtenteCents)}</TableCell>
                <TableCell align="right">{formatHours(d.ore)}</TableCell>
                <TableCell>{d.note || '—'}</TableCell>
              </TableRow>
            ))}
            <TableRow sx={{ '& td, & th': { fontWeight: 700 } }}>
              <TableCell component="th" scope="row">
                Totale
              </TableCell>
              <TableCell align="right">{formatEuro(sum(rows.map((d) => d.importoCents)))}</TableCell>
              <TableCell align="right">{formatEuro(sum(rows.map((d) => d.quotaEnteCents)))}</TableCell>
              <TableCell align="right">{formatEuro(sum(rows.map((d) => d.quotaUtenteCents)))}</TableCell>
              <TableCell align="right">{formatHours(sum(rows.map((d) => d.ore)))}</TableCell>
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

export function InterventionsTab({ detail, canWrite }: { detail: CaseDetailData; canWrite: boolean }) {
  const [editing, setEditing] = useState<InterventionData | 'new' | null>(null);
  const [delivering, setDelivering] = useState<InterventionData | null>(null);
  const list = [...detail.interventions].sort((a, b) => b.dataInizio.localeCompare(a.dataInizio));
  return (
    <Section
      id="pannello-interventi"
      title="Interventi ed erogazioni"
      actions={
        canWrite ? (
          <Button variant="contained" onClick={() => setEditing('new')}>
            Nuovo intervento
          </Button>
        ) : null
      }
    >
      {list.length === 0 ? <Typography>Nessun intervento per questa cartella.</Typography> : null}
      {list.map((i) => (
        <InterventionCard key={i.id} i={i} canWrite={canWrite} onEdit={() => setEditing(i)} onDeliver={() => setDelivering(i)} />
      ))}
      {editing ? <InterventionDialog caseId={detail.id} intervention={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {delivering ? <DeliveryDialog intervention={delivering} onClose={() => setDelivering(null)} /> : null}
    </Section>
  );
}
