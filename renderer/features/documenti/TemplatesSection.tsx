import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useEffect } from 'react';
import { SUBJECT_LABELS } from '../../../shared/domain/letters';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { href } from '../../router/hash-router';
import { documentiPath } from './routes';
import { templates } from './store';

/** The templates, built-in or changed by the administrator, each with its current version. */
export function TemplatesSection() {
  const { data, error, loading } = templates.useStore();
  useEffect(() => {
    void templates.load('all');
  }, []);
  return (
    <Section id="modelli" title="Modelli di lettera">
      <ErrorAlert error={error} />
      {loading && !data ? <CircularProgress aria-label="Caricamento dei modelli" /> : null}
      {data ? (
        <Table size="small" aria-label="Modelli di lettera">
          <TableHead>
            <TableRow>
              <TableCell>Modello</TableCell>
              <TableCell>Si stampa da</TableCell>
              <TableCell>Destinatario</TableCell>
              <TableCell>Versione in uso</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.templates.map((t) => (
              <TableRow key={t.name}>
                <TableCell component="th" scope="row">
                  <Link href={href(documentiPath.modello(t.name))} sx={{ fontWeight: 600 }}>
                    {t.titolo}
                  </Link>
                  {t.riservato ? <Chip label="Riservato" size="small" color="warning" variant="outlined" sx={{ ml: 1 }} /> : null}
                </TableCell>
                <TableCell>{t.soggetti.map((s) => SUBJECT_LABELS[s]).join(', ')}</TableCell>
                <TableCell>{t.destinatario === 'esterno' ? 'Esterno (senza dati sensibili)' : 'Interno'}</TableCell>
                <TableCell>
                  <code title={t.versione}>{t.versione.slice(0, 12)}</code>
                  {t.personalizzato ? <Chip label="Personalizzato" size="small" sx={{ ml: 1 }} /> : <Chip label="Originale" size="small" variant="outlined" sx={{ ml: 1 }} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}
