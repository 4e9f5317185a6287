import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { formatDate } from '../../i18n/format';
import { ScartiRegistrati } from './ScartiRegistrati';
import { ScartoForm } from './ScartoForm';
import { loadCandidates, type Candidates } from './store';

/** Impostazioni → Conservazione e scarto: the coordinator reviews closed files past retention and runs an authorised scarto. */
export function ScartoTab() {
  const [data, setData] = useState<Candidates | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const reload = useCallback(() => {
    loadCandidates().then(setData, (e: unknown) => setError(toShownError(e)));
  }, []);
  useEffect(reload, [reload]);

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  if (!data) return error ? <ErrorAlert error={error} /> : <CircularProgress aria-label="Caricamento delle cartelle da riesaminare" />;
  return (
    <>
      <Section id="scarto-candidati" title="Cartelle da riesaminare">
        <Typography sx={{ mb: 2 }}>
          Cartelle chiuse entro il {formatDate(data.chiuseEntro)}: la conservazione è di {data.conservazioneAnni} anni dalla chiusura (si cambia in Registro dei trattamenti). Lo
          scarto si esegue solo con l’autorizzazione della Soprintendenza archivistica e dopo un’esportazione cifrata.
        </Typography>
        {done ? (
          <Alert severity="success" role="status" sx={{ mb: 2 }}>
            {done}
          </Alert>
        ) : null}
        {data.cases.length === 0 ? (
          <Typography>Nessuna cartella ha superato il termine di conservazione.</Typography>
        ) : (
          <TableContainer component={Paper} variant="outlined" sx={{ mb: 3 }}>
            <Table size="small" aria-label="Cartelle da riesaminare">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">Scegli</TableCell>
                  <TableCell>Numero</TableCell>
                  <TableCell>Persona</TableCell>
                  <TableCell>Area</TableCell>
                  <TableCell>Sede</TableCell>
                  <TableCell>Aperta il</TableCell>
                  <TableCell>Chiusa il</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.cases.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell padding="checkbox">
                      <Checkbox checked={chosen.has(c.id)} onChange={() => toggle(c.id)} slotProps={{ input: { 'aria-label': `Scegli la cartella ${c.numero}` } }} />
                    </TableCell>
                    <TableCell>{c.numero}</TableCell>
                    <TableCell>{c.persona}</TableCell>
                    <TableCell>{c.area}</TableCell>
                    <TableCell>{c.sede}</TableCell>
                    <TableCell>{formatDate(c.apertaIl)}</TableCell>
                    <TableCell>{formatDate(c.chiusaIl)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {chosen.size > 0 ? (
          <ScartoForm
            key={round}
            caseIds={[...chosen]}
            onDone={(message) => {
              setDone(message);
              setChosen(new Set());
              setRound(round + 1);
              reload();
            }}
          />
        ) : null}
      </Section>
      <Section id="scarti-registrati" title="Scarti registrati">
        <ScartiRegistrati scarti={data.scarti} />
      </Section>
    </>
  );
}
