import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PersonDetailData } from '../../../shared/contracts/persons';
import { PARENTELE } from '../../../shared/domain/cartella';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { AddMemberDialog } from './AddMemberDialog';
import { EditMemberDialog, RemoveMemberDialog, type Member } from './MemberDialogs';
import { Section } from '../../components/Section';
import { personPath } from './routes';

/** The nucleo familiare: members with parentela and convivenza; a removal keeps its history. */
export function HouseholdSection({ detail, canWrite }: { detail: PersonDetailData; canWrite: boolean }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  // The intestatario first, then the others from the eldest.
  const members = [...(detail.household?.members ?? [])].sort(
    (a, b) => Number(b.parentela === 'intestatario') - Number(a.parentela === 'intestatario') || (a.dataNascita ?? '9999').localeCompare(b.dataNascita ?? '9999'),
  );
  const personId = detail.person.id;

  return (
    <Section
      id="sezione-nucleo"
      title="Nucleo familiare"
      actions={
        canWrite ? (
          <Button variant="outlined" onClick={() => setAdding(true)}>
            Aggiungi componente
          </Button>
        ) : null
      }
    >
      {members.length === 0 ? (
        <Typography>Nessun nucleo familiare registrato.</Typography>
      ) : (
        <Table size="small" aria-labelledby="sezione-nucleo">
          <TableHead>
            <TableRow>
              <TableCell>Componente</TableCell>
              <TableCell>Data di nascita</TableCell>
              <TableCell>Parentela</TableCell>
              <TableCell>Convivente</TableCell>
              <TableCell>Dal</TableCell>
              {canWrite ? <TableCell>Azioni</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.memberId}>
                <TableCell component="th" scope="row">
                  {m.personId === personId ? (
                    <strong>
                      {m.cognome} {m.nome}
                    </strong>
                  ) : (
                    <Link href={href(personPath(m.personId))}>
                      {m.cognome} {m.nome}
                    </Link>
                  )}
                </TableCell>
                <TableCell>{m.dataNascita ? formatDate(m.dataNascita) : '—'}</TableCell>
                <TableCell>{PARENTELE[m.parentela]}</TableCell>
                <TableCell>{m.convivente ? 'Sì' : 'No'}</TableCell>
                <TableCell>{formatDate(m.dal)}</TableCell>
                {canWrite ? (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing(m)} aria-label={`Modifica ${m.cognome} ${m.nome}`}>
                      Modifica
                    </Button>
                    <Button size="small" onClick={() => setRemoving(m)} aria-label={`Togli ${m.cognome} ${m.nome} dal nucleo`}>
                      Togli dal nucleo
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {adding ? <AddMemberDialog personId={personId} onClose={() => setAdding(false)} /> : null}
      {editing ? <EditMemberDialog personId={personId} member={editing} onClose={() => setEditing(null)} /> : null}
      {removing ? <RemoveMemberDialog personId={personId} member={removing} onClose={() => setRemoving(null)} /> : null}
    </Section>
  );
}
