import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { href } from '../../router/hash-router';
import { selectZone, useZoneStore } from '../zone';
import { salPath } from './routes';
import { listAziende, type BeneficiarioDetail } from './store';

type Azienda = OutputOf<'salAziende.list'>['aziende'][number];

/** Host companies by settore and comune, nearest first, within the distance the person can travel. */
export function MatchingSection({ b, onPropose }: { b: BeneficiarioDetail; onPropose: ((aziendaId: string) => void) | null }) {
  const zone = useZoneStore(selectZone);
  const [ateco, setAteco] = useState('');
  const [comune, setComune] = useState('');
  const [rows, setRows] = useState<Azienda[] | null>(null);
  const filter = /^\d{2}(\.\d{1,2}){0,2}$/.test(ateco.trim()) ? ateco.trim() : '';
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void listAziende({ query: '', comuneIstat: comune || null, ateco: filter, perBeneficiarioId: b.id }).then((r) => live && setRows(r.aziende));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [b.id, comune, filter]);
  const max = b.fields.distanzaMaxKm;
  return (
    <Section id="sal-abbinamento" title="Aziende adatte">
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {b.comune ? `Distanze in linea d’aria da ${b.comune}` : 'Comune di residenza non indicato: distanze non calcolabili'}
        {max !== null ? `, entro ${max} km.` : '.'}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField label="Settore ATECO" value={ateco} onChange={(e) => setAteco(e.target.value)} helperText="es. 81 o 56.10" />
        <SelectField label="Comune" value={comune} onChange={setComune} required={false}>
          <option value="">Tutti i comuni</option>
          {zone?.comuni.map((c) => (
            <option key={c.istat} value={c.istat}>
              {c.nome}
            </option>
          ))}
        </SelectField>
      </Stack>
      {rows && rows.length === 0 ? <Typography>Nessuna azienda con questi criteri.</Typography> : null}
      {rows && rows.length > 0 ? (
        <Table size="small" aria-label="Aziende adatte">
          <TableHead>
            <TableRow>
              <TableCell>Azienda</TableCell>
              <TableCell>Comune</TableCell>
              <TableCell>Settore</TableCell>
              <TableCell align="right">Distanza</TableCell>
              <TableCell align="right">Posti</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <Link href={href(salPath.azienda(a.id))}>{a.ragioneSociale}</Link>
                </TableCell>
                <TableCell>{a.comune}</TableCell>
                <TableCell>{[a.atecoCodice, a.atecoDescrizione].filter(Boolean).join(' – ')}</TableCell>
                <TableCell align="right">{a.distanzaKm === null ? 'non nota' : `${String(a.distanzaKm).replace('.', ',')} km`}</TableCell>
                <TableCell align="right">{Math.max(0, a.limite - a.tirocinantiInCorso)}</TableCell>
                <TableCell align="right">{onPropose ? <Button onClick={() => onPropose(a.id)}>Proponi tirocinio</Button> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}
