import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
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
import { conteggio } from '../../../shared/domain/italian';
import { FASE_LABELS } from '../../../shared/domain/sal/fasi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { href } from '../../router/hash-router';
import { salPath } from './routes';
import { beneficiari } from './store';

/** The people in work mediation. A new one is enrolled from his case file (Iscrivi al SAL). */
export function BeneficiariTab() {
  const [query, setQuery] = useState('');
  const [stato, setStato] = useState<'attivo' | 'concluso' | 'tutti'>('attivo');
  const [inAttesa, setInAttesa] = useState(false);
  const { data, error } = beneficiari.useStore();
  useEffect(() => {
    const timer = window.setTimeout(() => void beneficiari.load({ query: query.trim(), stato, inAttesa }), 250);
    return () => window.clearTimeout(timer);
  }, [query, stato, inAttesa]);
  const rows = data?.beneficiari ?? [];
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField label="Cerca per cognome, nome o codice fiscale" value={query} onChange={(e) => setQuery(e.target.value)} sx={{ minWidth: 320 }} />
        <SelectField label="Stato" value={stato} onChange={(v) => setStato(v as typeof stato)}>
          <option value="attivo">Attivi</option>
          <option value="concluso">Conclusi</option>
          <option value="tutti">Tutti</option>
        </SelectField>
        <FormControlLabel control={<Checkbox checked={inAttesa} onChange={(e) => setInAttesa(e.target.checked)} />} label="Solo in attesa di un inserimento" />
      </Stack>
      <ErrorAlert error={error} />
      <Typography sx={{ mb: 1 }} aria-live="polite">
        {conteggio(rows.length, 'beneficiario', 'beneficiari')}. Per iscrivere una persona apri la sua cartella e scegli «Iscrivi al SAL».
      </Typography>
      <Table size="small" aria-label="Beneficiari SAL">
        <TableHead>
          <TableRow>
            <TableCell>Beneficiario</TableCell>
            <TableCell>Comune</TableCell>
            <TableCell>Fase</TableCell>
            <TableCell>L. 68/99</TableCell>
            <TableCell>Tirocinio</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((b) => (
            <TableRow key={b.id} hover>
              <TableCell>
                <Link href={href(salPath.beneficiario(b.id))}>
                  {b.cognome} {b.nome}
                </Link>
              </TableCell>
              <TableCell>{b.comune ?? '—'}</TableCell>
              <TableCell>{b.fase ? FASE_LABELS[b.fase] : '—'}</TableCell>
              <TableCell>{b.l68 ? 'Sì' : 'No'}</TableCell>
              <TableCell>{b.tirocinioInCorso ? 'In corso' : b.stato === 'concluso' ? 'Percorso concluso' : 'In attesa'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
