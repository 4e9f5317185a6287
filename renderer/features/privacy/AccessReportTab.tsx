import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { actionLabel, profileLabel } from '../../i18n/action-labels';
import { SearchBox } from '../search';
import { selectZone, useZoneStore } from '../zone';
import { AccessReportSheet, OUTCOME_LABELS } from './AccessReportSheet';
import { clearReport, loadReport, selectReport, selectReportError, selectReportLoading, usePrivacyStore } from './store';

/** "Chi ha consultato": pick a person, see every access to their data; printable for the person. */
export function AccessReportTab({ printedBy }: { printedBy: string }) {
  const report = usePrivacyStore(selectReport);
  const loading = usePrivacyStore(selectReportLoading);
  const error = usePrivacyStore(selectReportError);
  const zone = useZoneStore(selectZone);
  const [query, setQuery] = useState('');

  return (
    <>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Chi ha consultato
      </Typography>
      <Typography sx={{ mb: 1 }}>
        Ogni accesso ai dati di una persona: chi, quando, da quale postazione, per quale finalità. È la risposta da dare a chi lo chiede (art. 15 GDPR).
      </Typography>
      {report ? (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <Typography variant="h3">
            {report.person.cognome} {report.person.nome}
            {report.person.codiceFiscale ? ` · ${report.person.codiceFiscale}` : ''}
          </Typography>
          <Button variant="contained" startIcon={<PrintOutlined />} onClick={() => window.print()}>
            Stampa
          </Button>
          <Button onClick={clearReport}>Scegli un’altra persona</Button>
        </Box>
      ) : (
        <SearchBox query={query} onQueryChange={setQuery} personsOnly label="Cerca la persona" listMaxHeight={320} onChoose={(c) => void loadReport(c.person.id)} />
      )}
      <ErrorAlert error={error} />
      {loading ? <CircularProgress aria-label="Caricamento delle consultazioni" /> : null}
      {report && report.rows.length === 0 ? <Typography>Nessuna consultazione registrata.</Typography> : null}
      {report && report.rows.length > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={`Consultazioni dei dati di ${report.person.cognome} ${report.person.nome}`} sx={{ '& td, & th': { px: 1, fontSize: '0.9rem' } }}>
            <TableHead>
              <TableRow>
                <TableCell>Data e ora</TableCell>
                <TableCell>Utente</TableCell>
                <TableCell>Profilo</TableCell>
                <TableCell>Postazione</TableCell>
                <TableCell>Azione</TableCell>
                <TableCell>Oggetto</TableCell>
                <TableCell>Finalità</TableCell>
                <TableCell>Esito</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rows.map((r, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</TableCell>
                  <TableCell>{r.username ?? '—'}</TableCell>
                  <TableCell>{profileLabel(r.profile)}</TableCell>
                  <TableCell>{r.workstation}</TableCell>
                  <TableCell title={r.action}>{actionLabel(r.action)}</TableCell>
                  <TableCell>{r.oggetto ?? '—'}</TableCell>
                  <TableCell>{r.purpose ?? '—'}</TableCell>
                  <TableCell>
                    <Chip size="small" label={OUTCOME_LABELS[r.outcome] ?? r.outcome} color={r.outcome === 'ok' ? 'success' : r.outcome === 'denied' ? 'error' : 'warning'} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {report ? <AccessReportSheet report={report} zoneName={zone?.nome ?? ''} printedBy={printedBy} /> : null}
    </>
  );
}
