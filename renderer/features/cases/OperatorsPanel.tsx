import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { RUOLI_OPERATORE } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { formatDate } from '../../i18n/format';
import { AssignDialog, EndAssignmentDialog, type Assignment } from './AssignDialogs';
import { Section } from '../../components/Section';

/** Who works on the case and since when; a transfer is a new responsabile, and history stays. */
export function OperatorsPanel({ detail, canAssign }: { detail: CaseDetailData; canAssign: boolean }) {
  const [dialog, setDialog] = useState<'assegna' | 'trasferisci' | null>(null);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const today = todayInRome();
  // `al` is exclusive: from that day the operator no longer works on the case.
  const current = (o: Assignment) => o.al === null || o.al > today;
  const rows = [...detail.operators].sort((a, b) => Number(current(b)) - Number(current(a)) || (a.ruolo === 'responsabile' ? -1 : 1) || b.dal.localeCompare(a.dal));
  return (
    <Section
      id="pannello-operatori"
      title="Operatori"
      actions={
        canAssign ? (
          <>
            <Button variant="outlined" onClick={() => setDialog('assegna')}>
              Assegna operatore
            </Button>
            <Button variant="outlined" onClick={() => setDialog('trasferisci')}>
              Trasferisci
            </Button>
          </>
        ) : null
      }
    >
      <Table size="small" aria-labelledby="pannello-operatori">
        <TableHead>
          <TableRow>
            <TableCell>Operatore</TableCell>
            <TableCell>Ruolo</TableCell>
            <TableCell>Dal</TableCell>
            <TableCell>Al</TableCell>
            {canAssign ? <TableCell>Azioni</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.id} sx={current(o) ? undefined : { '& td, & th': { color: 'text.secondary' } }}>
              <TableCell component="th" scope="row" sx={{ fontWeight: current(o) && o.ruolo === 'responsabile' ? 700 : 400 }}>
                {o.fullName}
              </TableCell>
              <TableCell>{RUOLI_OPERATORE[o.ruolo]}</TableCell>
              <TableCell>{formatDate(o.dal)}</TableCell>
              <TableCell>{o.al ? formatDate(o.al) : 'in corso'}</TableCell>
              {canAssign ? (
                <TableCell>
                  {o.al === null ? (
                    <Button size="small" onClick={() => setEnding(o)} aria-label={`Termina l’assegnazione di ${o.fullName}`}>
                      Termina
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {detail.inAttesa.length > 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          In attesa della conferma di un secondo amministratore (accesso alle note riservate per un account nuovo o appena reimpostato):{' '}
          {detail.inAttesa.map((p) => `${p.fullName}, ${RUOLI_OPERATORE[p.ruolo].toLowerCase()} dal ${formatDate(p.dal)}`).join('; ')}.
        </Alert>
      ) : null}
      {dialog ? <AssignDialog detail={detail} transfer={dialog === 'trasferisci'} onClose={() => setDialog(null)} /> : null}
      {ending ? <EndAssignmentDialog caseId={detail.id} assignment={ending} onClose={() => setEnding(null)} /> : null}
    </Section>
  );
}
