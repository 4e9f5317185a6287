import Alert from '@mui/material/Alert';
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
import type { CaseDetailData, PaiData } from '../../../shared/contracts/cases';
import { ESITI_OBIETTIVO, TERMINE_CODES, TERMINI } from '../../../shared/domain/cartella';
import { formatDate } from '../../i18n/format';
import { Section } from '../../components/Section';
import { ClosePaiDialog, PaiDialog } from './PaiDialogs';

function PaiCard({ pai, canWrite, onEdit, onClose }: { pai: PaiData; canWrite: boolean; onEdit: () => void; onClose: () => void }) {
  const attivo = pai.stato === 'attivo';
  const objectives = [...pai.obiettivi].sort((a, b) => TERMINE_CODES.indexOf(a.termine) - TERMINE_CODES.indexOf(b.termine));
  const titleId = `pai-${pai.id}`;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2, mb: 2, opacity: attivo ? 1 : 0.9 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="h3" id={titleId} sx={{ fontSize: '1.15rem' }}>
            PAI avviato il {formatDate(pai.dataAvvio)}{' '}
            <Chip
              size="small"
              color={attivo ? 'success' : 'default'}
              variant={attivo ? 'filled' : 'outlined'}
              label={attivo ? 'Attivo' : `Chiuso il ${pai.chiusoIl ? formatDate(pai.chiusoIl) : ''}`}
            />
          </Typography>
          <Typography sx={{ mt: 0.5 }}>
            Revisione ogni {pai.revisioneMesi} {pai.revisioneMesi === 1 ? 'mese' : 'mesi'}
            {attivo ? (
              <>
                {' · '}Prossima revisione:{' '}
                <Box component="strong" sx={{ color: pai.revisioneScaduta ? 'error.main' : 'inherit' }}>
                  {formatDate(pai.prossimaRevisione)}
                </Box>{' '}
                {pai.revisioneScaduta ? <Chip size="small" color="error" label="Revisione scaduta" /> : null}
              </>
            ) : null}
          </Typography>
        </Box>
        {attivo && canWrite ? (
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="outlined" onClick={onEdit}>
              Aggiorna PAI
            </Button>
            <Button onClick={onClose}>Chiudi PAI</Button>
          </Box>
        ) : null}
      </Box>
      {pai.note ? <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{pai.note}</Typography> : null}
      <Table size="small" aria-label={`Obiettivi del PAI avviato il ${formatDate(pai.dataAvvio)}`} sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell>Termine</TableCell>
            <TableCell>Obiettivo</TableCell>
            <TableCell>Esito</TableCell>
            <TableCell>Note sull’esito</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {objectives.map((o) => (
            <TableRow key={o.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{TERMINI[o.termine]}</TableCell>
              <TableCell>{o.descrizione}</TableCell>
              <TableCell>{ESITI_OBIETTIVO[o.esito]}</TableCell>
              <TableCell>{o.esitoNote || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

export function PaiTab({ detail, canWrite }: { detail: CaseDetailData; canWrite: boolean }) {
  const [editing, setEditing] = useState<PaiData | 'new' | null>(null);
  const [closing, setClosing] = useState<PaiData | null>(null);
  const list = [...detail.pai].sort((a, b) => Number(b.stato === 'attivo') - Number(a.stato === 'attivo') || b.dataAvvio.localeCompare(a.dataAvvio));
  const active = list.find((p) => p.stato === 'attivo');
  return (
    <Section
      id="pannello-pai"
      title="Progetto personalizzato (PAI)"
      actions={
        canWrite && !active ? (
          <Button variant="contained" onClick={() => setEditing('new')}>
            Nuovo PAI
          </Button>
        ) : null
      }
    >
      {active?.revisioneScaduta ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          La revisione del PAI era prevista per il {formatDate(active.prossimaRevisione)}: aggiorna obiettivi ed esiti.
        </Alert>
      ) : null}
      {list.length === 0 ? <Typography>Nessun PAI per questa cartella.</Typography> : null}
      {list.map((p) => (
        <PaiCard key={p.id} pai={p} canWrite={canWrite} onEdit={() => setEditing(p)} onClose={() => setClosing(p)} />
      ))}
      {editing ? <PaiDialog caseId={detail.id} pai={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {closing ? <ClosePaiDialog pai={closing} onClose={() => setClosing(null)} /> : null}
    </Section>
  );
}
