import AddOutlined from '@mui/icons-material/AddOutlined';
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
import { conteggio } from '../../../shared/domain/italian';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { href, navigate } from '../../router/hash-router';
import { selectZone, useZoneStore } from '../zone';
import { AziendaDialog } from './AziendaDialog';
import { salPath } from './routes';
import { aziende } from './store';

/** Host companies by name, comune and settore; with the limit of tirocinanti each may host. */
export function AziendeTab({ canWrite }: { canWrite: boolean }) {
  const zone = useZoneStore(selectZone);
  const [query, setQuery] = useState('');
  const [comune, setComune] = useState('');
  const [ateco, setAteco] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, error } = aziende.useStore();
  const atecoFilter = /^\d{2}(\.\d{1,2}){0,2}$/.test(ateco.trim()) ? ateco.trim() : '';
  useEffect(() => {
    const timer = window.setTimeout(() => void aziende.load({ query: query.trim(), comuneIstat: comune || null, ateco: atecoFilter, perBeneficiarioId: null }), 250);
    return () => window.clearTimeout(timer);
  }, [query, comune, atecoFilter]);
  const rows = data?.aziende ?? [];
  return (
    <>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'flex-start' } }}>
        <TextField label="Cerca per nome, partita IVA o settore" value={query} onChange={(e) => setQuery(e.target.value)} sx={{ minWidth: 300 }} />
        <SelectField label="Comune" value={comune} onChange={setComune} required={false}>
          <option value="">Tutti i comuni</option>
          {zone?.comuni.map((c) => (
            <option key={c.istat} value={c.istat}>
              {c.nome}
            </option>
          ))}
        </SelectField>
        <TextField label="Settore ATECO" value={ateco} onChange={(e) => setAteco(e.target.value)} helperText="es. 56 o 56.10" />
        {canWrite ? (
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)} sx={{ alignSelf: { md: 'center' } }}>
            Nuova azienda
          </Button>
        ) : null}
      </Stack>
      <ErrorAlert error={error} />
      <Typography sx={{ mb: 1 }} aria-live="polite">
        {conteggio(rows.length, 'azienda', 'aziende')}.
      </Typography>
      <Table size="small" aria-label="Aziende ed enti ospitanti">
        <TableHead>
          <TableRow>
            <TableCell>Ragione sociale</TableCell>
            <TableCell>Comune</TableCell>
            <TableCell>Settore</TableCell>
            <TableCell align="right">Tirocinanti (in corso / massimo)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={a.id} hover>
              <TableCell>
                <Link href={href(salPath.azienda(a.id))}>{a.ragioneSociale}</Link>
                {a.coopB ? ' · coop. B' : ''}
              </TableCell>
              <TableCell>{a.comune}</TableCell>
              <TableCell>{[a.atecoCodice, a.atecoDescrizione].filter(Boolean).join(' – ') || '—'}</TableCell>
              <TableCell align="right">
                {a.tirocinantiInCorso} / {a.limite}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {creating ? <AziendaDialog open azienda={null} onClose={() => setCreating(false)} onSaved={(id) => navigate(salPath.azienda(id))} /> : null}
    </>
  );
}
