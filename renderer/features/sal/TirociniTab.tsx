import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../shared/contracts';
import { conteggio } from '../../../shared/domain/italian';
import { ESITO_LABELS, REGIME_LABELS, STATO_TIROCINIO_LABELS, type Esito } from '../../../shared/domain/sal/regimi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { salPath } from './routes';
import { tirocini } from './store';

type Stato = InputOf<'salTirocini.list'>['stato'];

/** Every tirocinio, by state; a new one starts from its beneficiario's page. */
export function TirociniTab() {
  const [stato, setStato] = useState<Stato>('in_corso');
  const { data, error } = tirocini.useStore();
  useEffect(() => {
    void tirocini.load(stato);
  }, [stato]);
  const rows = data?.tirocini ?? [];
  return (
    <>
      <SelectField label="Stato" value={stato} onChange={(v) => setStato(v as Stato)}>
        <option value="in_corso">In corso</option>
        <option value="concluso">Conclusi</option>
        <option value="cessato">Cessati</option>
        <option value="tutti">Tutti</option>
      </SelectField>
      <ErrorAlert error={error} />
      <Typography sx={{ my: 1 }} aria-live="polite">
        {conteggio(rows.length, 'tirocinio', 'tirocini')}. Un nuovo tirocinio si crea dalla scheda del beneficiario.
      </Typography>
      <Table size="small" aria-label="Tirocini">
        <TableHead>
          <TableRow>
            <TableCell>Beneficiario</TableCell>
            <TableCell>Azienda</TableCell>
            <TableCell>Regime</TableCell>
            <TableCell>Periodo</TableCell>
            <TableCell>Stato</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((t) => (
            <TableRow key={t.id} hover>
              <TableCell>
                <Link href={href(salPath.tirocinio(t.id))}>{t.beneficiario}</Link>
              </TableCell>
              <TableCell>{t.azienda}</TableCell>
              <TableCell>{REGIME_LABELS[t.regime]}</TableCell>
              <TableCell>
                {formatDate(t.inizio)} – {formatDate(t.fineEffettiva)}
              </TableCell>
              <TableCell>{t.esito ? ESITO_LABELS[t.esito as Esito] : STATO_TIROCINIO_LABELS[t.stato]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
