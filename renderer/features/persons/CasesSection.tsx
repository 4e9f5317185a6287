import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
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
import { AREE } from '../../../shared/domain/cartella';
import { href } from '../../router/hash-router';
import { StatoChip } from '../cases';
import { OpenCaseDialog } from './OpenCaseDialog';
import { Section } from '../../components/Section';

/** The person's case files; one not assigned to the user opens only through an emergency access. */
export function CasesSection({ detail, canOpenCase, sedeId }: { detail: PersonDetailData; canOpenCase: boolean; sedeId: string | null }) {
  const [opening, setOpening] = useState(false);
  return (
    <Section
      id="sezione-cartelle"
      title="Cartelle sociali"
      actions={
        canOpenCase ? (
          <Button variant="outlined" onClick={() => setOpening(true)}>
            Nuova cartella
          </Button>
        ) : null
      }
    >
      {detail.cases.length === 0 ? (
        <Typography>Nessuna cartella sociale.</Typography>
      ) : (
        <Table size="small" aria-labelledby="sezione-cartelle">
          <TableHead>
            <TableRow>
              <TableCell>Numero</TableCell>
              <TableCell>Area</TableCell>
              <TableCell>Stato</TableCell>
              <TableCell>Sede</TableCell>
              <TableCell>Responsabile</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.cases.map((c) => (
              <TableRow key={c.id}>
                <TableCell component="th" scope="row">
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                    {c.accessibile ? null : <LockOutlined fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />}
                    <Link href={href(`/cartelle/${c.id}`)} sx={{ fontWeight: 700 }}>
                      {c.numero}
                    </Link>
                    {c.accessibile ? null : (
                      <Typography component="span" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>
                        (non assegnata a te)
                      </Typography>
                    )}
                  </Box>
                </TableCell>
                <TableCell>{AREE[c.area].label}</TableCell>
                <TableCell>
                  <StatoChip stato={c.stato} />
                </TableCell>
                <TableCell>{c.sedeNome}</TableCell>
                <TableCell>{c.responsabile ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {opening ? <OpenCaseDialog personId={detail.person.id} accesso={null} defaultSedeId={sedeId} onClose={() => setOpening(false)} /> : null}
    </Section>
  );
}
