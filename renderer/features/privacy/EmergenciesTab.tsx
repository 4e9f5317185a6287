import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { loadEmergencies, markEmergencySeen, selectEmergencies, selectEmergenciesError, selectOnlyUnseen, usePrivacyStore } from './store';

/** The coordinator's review of emergency accesses: who opened which case file, and why. */
export function EmergenciesTab() {
  const rows = usePrivacyStore(selectEmergencies);
  const loadError = usePrivacyStore(selectEmergenciesError);
  const onlyUnseen = usePrivacyStore(selectOnlyUnseen);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    void loadEmergencies();
  }, []);

  const seen = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await markEmergencySeen(id);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Accessi in emergenza
      </Typography>
      <Typography sx={{ mb: 1 }}>Cartelle aperte da chi non vi è assegnato, con il motivo dichiarato. Segna come visti quelli che hai controllato.</Typography>
      <FormControlLabel control={<Checkbox checked={onlyUnseen} onChange={(e) => void loadEmergencies(e.target.checked)} />} label="Solo quelli da vedere" />
      <ErrorAlert error={loadError ?? error} />
      {rows && rows.length === 0 ? (
        <Typography sx={{ mt: 1 }}>{onlyUnseen ? 'Nessun accesso in emergenza da vedere.' : 'Nessun accesso in emergenza registrato.'}</Typography>
      ) : null}
      {rows && rows.length > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Accessi in emergenza">
            <TableHead>
              <TableRow>
                <TableCell>Data e ora</TableCell>
                <TableCell>Utente</TableCell>
                <TableCell>Cartella</TableCell>
                <TableCell>Persona</TableCell>
                <TableCell>Motivo</TableCell>
                <TableCell>Stato</TableCell>
                <TableCell>Azioni</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</TableCell>
                  <TableCell>{r.user}</TableCell>
                  <TableCell>
                    <Link href={href(`/cartelle/${r.caseId}`)}>{r.caseNumero}</Link>
                  </TableCell>
                  <TableCell>{r.personName}</TableCell>
                  <TableCell sx={{ maxWidth: 420, overflowWrap: 'anywhere' }}>{r.motivo}</TableCell>
                  <TableCell>{r.visto ? <Chip size="small" label="Visto" /> : <Chip size="small" color="error" label="Da vedere" />}</TableCell>
                  <TableCell>
                    {r.visto ? null : (
                      <Button size="small" variant="outlined" loading={busy === r.id} onClick={() => void seen(r.id)}>
                        Segna come visto
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </>
  );
}
