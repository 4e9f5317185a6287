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
import { ESITI_ACCESSO } from '../../../shared/domain/cartella';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { AccessoDialog } from './AccessoDialog';
import { OpenCaseDialog } from './OpenCaseDialog';
import { Section } from '../../components/Section';

type Accesso = PersonDetailData['accessi'][number];

/** Contacts at the desk; one without a case file can become one ("Apri cartella"). */
export function AccessiSection({ detail, canWrite, canOpenCase, sedeId }: { detail: PersonDetailData; canWrite: boolean; canOpenCase: boolean; sedeId: string | null }) {
  const [adding, setAdding] = useState(false);
  const [toCase, setToCase] = useState<Accesso | null>(null);
  const rows = [...detail.accessi].sort((a, b) => b.data.localeCompare(a.data));
  const caseId = (numero: string) => detail.cases.find((c) => c.numero === numero)?.id ?? null;

  return (
    <Section
      id="sezione-accessi"
      title="Accessi allo sportello"
      actions={
        canWrite ? (
          <Button variant="contained" onClick={() => setAdding(true)}>
            Registra accesso
          </Button>
        ) : null
      }
    >
      {rows.length === 0 ? (
        <Typography>Nessun accesso registrato.</Typography>
      ) : (
        <Table size="small" aria-labelledby="sezione-accessi">
          <TableHead>
            <TableRow>
              <TableCell>Data</TableCell>
              <TableCell>Sede</TableCell>
              <TableCell>Inviato da</TableCell>
              <TableCell>Motivo</TableCell>
              <TableCell>Esito</TableCell>
              <TableCell>Operatore</TableCell>
              <TableCell>Cartella</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => {
              const id = a.caseNumero ? caseId(a.caseNumero) : null;
              return (
                <TableRow key={a.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(a.data)}</TableCell>
                  <TableCell>{a.sedeNome}</TableCell>
                  <TableCell>{a.inviatoDa || '—'}</TableCell>
                  <TableCell sx={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
                    {a.motivo}
                    {a.note ? <Typography sx={{ fontSize: '0.9rem', color: 'text.secondary' }}>Note: {a.note}</Typography> : null}
                  </TableCell>
                  <TableCell>{ESITI_ACCESSO[a.esito]}</TableCell>
                  <TableCell>{a.operatore ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {a.caseNumero ? (
                      id ? (
                        <Link href={href(`/cartelle/${id}`)}>{a.caseNumero}</Link>
                      ) : (
                        a.caseNumero
                      )
                    ) : canOpenCase ? (
                      <Button size="small" variant="outlined" onClick={() => setToCase(a)}>
                        Apri cartella
                      </Button>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {adding ? <AccessoDialog personId={detail.person.id} defaultSedeId={sedeId} onClose={() => setAdding(false)} /> : null}
      {toCase ? <OpenCaseDialog personId={detail.person.id} accesso={toCase} defaultSedeId={sedeId} onClose={() => setToCase(null)} /> : null}
    </Section>
  );
}
