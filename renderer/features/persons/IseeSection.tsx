import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PersonDetailData } from '../../../shared/contracts/persons';
import { ISEE_TIPI } from '../../../shared/domain/cartella';
import { formatDate } from '../../i18n/format';
import { formatEuro } from '../../i18n/money';
import { IseeDialog, type IseeData } from './IseeDialog';
import { Section } from '../../components/Section';

export function IseeChip({ isee }: { isee: Pick<IseeData, 'scaduto' | 'inScadenza'> }) {
  if (isee.scaduto) return <Chip size="small" color="error" label="Scaduto" />;
  if (isee.inScadenza) return <Chip size="small" color="warning" label="In scadenza" />;
  return null;
}

export function IseeSection({ detail, canWrite }: { detail: PersonDetailData; canWrite: boolean }) {
  const [editing, setEditing] = useState<IseeData | 'new' | null>(null);
  const rows = [...detail.isee].sort((a, b) => b.scadenza.localeCompare(a.scadenza));
  return (
    <Section
      id="sezione-isee"
      title="ISEE"
      actions={
        canWrite ? (
          <Button variant="outlined" onClick={() => setEditing('new')}>
            Nuovo ISEE
          </Button>
        ) : null
      }
    >
      {rows.length === 0 ? (
        <Typography>Nessun ISEE registrato.</Typography>
      ) : (
        <Table size="small" aria-labelledby="sezione-isee">
          <TableHead>
            <TableRow>
              <TableCell>Anno</TableCell>
              <TableCell>Tipo</TableCell>
              <TableCell align="right">Valore ISEE</TableCell>
              <TableCell align="right">Valore ISE</TableCell>
              <TableCell>DSU</TableCell>
              <TableCell>Scadenza</TableCell>
              {canWrite ? <TableCell>Azioni</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((i) => (
              <TableRow key={i.id}>
                <TableCell component="th" scope="row">
                  {i.anno}
                </TableCell>
                <TableCell>{ISEE_TIPI[i.tipo]}</TableCell>
                <TableCell align="right">{formatEuro(i.iseeCents)}</TableCell>
                <TableCell align="right">{formatEuro(i.iseCents)}</TableCell>
                <TableCell>
                  {i.dsuProtocollo || '—'}
                  {i.dsuData ? ` del ${formatDate(i.dsuData)}` : ''}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDate(i.scadenza)} <IseeChip isee={i} />
                </TableCell>
                {canWrite ? (
                  <TableCell>
                    <Button size="small" onClick={() => setEditing(i)} aria-label={`Modifica ISEE ${i.anno}`}>
                      Modifica
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing ? <IseeDialog personId={detail.person.id} isee={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}
