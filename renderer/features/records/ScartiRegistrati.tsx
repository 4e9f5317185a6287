import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { conteggio } from '../../../shared/domain/italian';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, formatDateTime } from '../../i18n/format';
import { openKeptScarto, saveScartoCopy, type Candidates, type ScartoContents } from './store';

type Scarto = Candidates['scarti'][number];

/**
 * Impostazioni → Conservazione e scarto → Scarti registrati: each scarto with its date,
 * authorisation and counts; its kept export can be opened (the passphrase decrypts it in the
 * core, the screen lists what it holds) or saved again, sealed as it was.
 */
export function ScartiRegistrati({ scarti }: { scarti: Scarto[] }) {
  const [opening, setOpening] = useState<Scarto | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [contents, setContents] = useState<ScartoContents | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const open = async () => {
    if (!opening) return;
    setBusy(true);
    setError(null);
    try {
      setContents(await openKeptScarto(opening.id, passphrase));
      setOpening(null);
      setPassphrase('');
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const saveCopy = async (s: Scarto) => {
    setError(null);
    setSaved(null);
    try {
      setSaved(await saveScartoCopy(s.id));
    } catch (e) {
      setError(toShownError(e));
    }
  };

  if (scarti.length === 0) return <Typography>Nessuno scarto registrato.</Typography>;
  return (
    <>
      {saved ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          Copia salvata come {saved}: si legge solo con la frase di cifratura scelta allora.
        </Alert>
      ) : null}
      <ErrorAlert error={opening ? null : error} />
      <TableContainer component={Paper} variant="outlined" sx={{ mb: 2 }}>
        <Table size="small" aria-label="Scarti registrati">
          <TableHead>
            <TableRow>
              <TableCell>Esportato il</TableCell>
              <TableCell>Cartelle</TableCell>
              <TableCell>Autorizzazione</TableCell>
              <TableCell>Stato</TableCell>
              <TableCell>Esportazione</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {scarti.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{formatDateTime(s.esportatoIl)}</TableCell>
                <TableCell>
                  {conteggio(s.cartelle, 'cartella', 'cartelle')}: {s.numeri.join(', ')}
                </TableCell>
                <TableCell>{s.autorizzazione}</TableCell>
                <TableCell>{s.eseguitoIl ? `eseguito il ${formatDateTime(s.eseguitoIl)}` : 'esportato, non eseguito'}</TableCell>
                <TableCell>
                  {s.conservato ? (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" variant="outlined" onClick={() => setOpening(s)} aria-label={`Apri l’esportazione del ${formatDateTime(s.esportatoIl)}`}>
                        Apri
                      </Button>
                      <Button size="small" onClick={() => void saveCopy(s)} aria-label={`Salva una copia dell’esportazione del ${formatDateTime(s.esportatoIl)}`}>
                        Salva copia
                      </Button>
                    </Stack>
                  ) : (
                    'non conservata nel programma'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <FormDialog
        open={opening !== null}
        title="Apri l’esportazione dello scarto"
        submitLabel="Apri"
        busy={busy}
        error={error}
        onSubmit={() => void open()}
        onClose={() => {
          setOpening(null);
          setPassphrase('');
          setError(null);
        }}
      >
        <Typography sx={{ mb: 2 }}>
          Scrivi la frase di cifratura scelta quando l’esportazione fu fatta ({opening ? formatDateTime(opening.esportatoIl) : ''}). Il contenuto si legge qui, non viene salvato in
          chiaro.
        </Typography>
        <TextField
          label="Frase di cifratura"
          type="password"
          autoComplete="off"
          fullWidth
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={Boolean(fieldMessage(error, 'passphrase'))}
          helperText={fieldMessage(error, 'passphrase')}
        />
      </FormDialog>
      {contents ? <ScartoContentsTable contents={contents} onClose={() => setContents(null)} /> : null}
    </>
  );
}

function ScartoContentsTable({ contents, onClose }: { contents: ScartoContents; onClose: () => void }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="scarto-contenuto" sx={{ p: 2 }}>
      <Typography variant="h3" id="scarto-contenuto" sx={{ fontSize: '1.05rem', mb: 1 }}>
        Contenuto dell’esportazione del {formatDateTime(contents.creatoIl)}
      </Typography>
      <Typography sx={{ mb: 1 }}>
        Autorizzazione: {contents.autorizzazione}. {conteggio(contents.cartelle.length, 'cartella', 'cartelle')}, {conteggio(contents.righe, 'riga', 'righe')} di dati,{' '}
        {conteggio(contents.allegati, 'file allegato', 'file allegati')}.{contents.note ? ` Note: ${contents.note}` : ''}
      </Typography>
      <Table size="small" aria-label="Cartelle nell’esportazione">
        <TableHead>
          <TableRow>
            <TableCell>Numero</TableCell>
            <TableCell>Persona</TableCell>
            <TableCell>Codice fiscale</TableCell>
            <TableCell>Aperta il</TableCell>
            <TableCell>Chiusa il</TableCell>
            <TableCell align="right">Righe</TableCell>
            <TableCell align="right">Allegati</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {contents.cartelle.map((c) => (
            <TableRow key={c.numero}>
              <TableCell>{c.numero}</TableCell>
              <TableCell>{c.persona}</TableCell>
              <TableCell>{c.codiceFiscale}</TableCell>
              <TableCell>{c.apertaIl ? formatDate(c.apertaIl) : ''}</TableCell>
              <TableCell>{c.chiusaIl ? formatDate(c.chiusaIl) : ''}</TableCell>
              <TableCell align="right">{c.righe}</TableCell>
              <TableCell align="right">{c.allegati}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button sx={{ mt: 1 }} onClick={onClose}>
        Chiudi
      </Button>
    </Paper>
  );
}
