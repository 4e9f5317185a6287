import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { quarterLabel } from '../../../shared/domain/siuss';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { batches } from './store';

/** The batches written so far, newest first: what the office uploaded to INPS, by whom, with the file's fingerprint. */
export function SiussBatchList() {
  const { data, error } = batches.useStore();
  useEffect(() => {
    void batches.load('all');
  }, []);
  return (
    <section aria-labelledby="siuss-invii">
      <Typography id="siuss-invii" variant="h2" sx={{ fontSize: '1.2rem', mt: 4, mb: 1 }}>
        Invii eseguiti
      </Typography>
      <ErrorAlert error={error} />
      {data && data.batches.length === 0 ? <Typography color="text.secondary">Nessun invio finora.</Typography> : null}
      {data && data.batches.length > 0 ? (
        <Table size="small" aria-label="Invii SIUSS eseguiti">
          <TableHead>
            <TableRow>
              <TableCell>N.</TableCell>
              <TableCell>Trimestre</TableCell>
              <TableCell>Quando</TableCell>
              <TableCell>Da chi</TableCell>
              <TableCell>File</TableCell>
              <TableCell align="right">Inserimenti (I)</TableCell>
              <TableCell align="right">Cancellazioni (C)</TableCell>
              <TableCell>Impronta SHA-256</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.batches.map((b) => (
              <TableRow key={b.id}>
                <TableCell>{b.numero}</TableCell>
                <TableCell>{quarterLabel(b.periodo)}</TableCell>
                <TableCell>{formatDateTime(b.at)}</TableCell>
                <TableCell>{b.utente}</TableCell>
                <TableCell>{b.nome}</TableCell>
                <TableCell align="right">{b.inserimenti}</TableCell>
                <TableCell align="right">{b.cancellazioni}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }} title={b.sha256}>
                  {b.sha256.slice(0, 16)}…
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
