import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { savePatron } from './store';
import { maxLength } from '../../api/limits';

type Patron = OutputOf<'agenda.settings'>['patroni'][number];

/** One comune's patron day (mm-gg) and saint: the agenda marks it as a holiday in that comune. */
function PatronRow({ patron, onSaved }: { patron: Patron; onSaved: (p: Patron[]) => void }) {
  const [giorno, setGiorno] = useState(patron.giorno);
  const [santo, setSanto] = useState(patron.santo);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = giorno !== patron.giorno || santo !== patron.santo;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await savePatron({ comuneIstat: patron.comuneIstat, giorno: giorno.trim(), santo: santo.trim() }));
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      component="form"
      aria-label={`Patrono di ${patron.comuneNome}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      sx={{ display: 'grid', gridTemplateColumns: '180px 140px minmax(200px, 1fr) auto', gap: 1, alignItems: 'start', mb: 1 }}
    >
      <Typography sx={{ fontWeight: 600, pt: 1 }}>{patron.comuneNome}</Typography>
      <TextField
        size="small"
        label="Giorno (mm-gg)"
        value={giorno}
        onChange={(e) => setGiorno(e.target.value)}
        error={error?.field === 'giorno'}
        helperText={error?.field === 'giorno' ? error.message : undefined}
        slotProps={{ htmlInput: { 'aria-label': `${patron.comuneNome}: giorno del patrono (mm-gg)`, maxLength: 5, inputMode: 'numeric' } }}
      />
      <TextField
        size="small"
        label="Santo patrono"
        value={santo}
        onChange={(e) => setSanto(e.target.value)}
        slotProps={{ htmlInput: { 'aria-label': `${patron.comuneNome}: santo patrono`, maxLength: maxLength('agenda.savePatron', 'santo') } }}
      />
      <Button type="submit" variant="outlined" disabled={!dirty} loading={busy} aria-label={`Salva il patrono di ${patron.comuneNome}`}>
        Salva
      </Button>
      {error && error.field !== 'giorno' ? (
        <Box sx={{ gridColumn: '1 / -1' }}>
          <ErrorAlert error={error} />
        </Box>
      ) : null}
    </Box>
  );
}

export function PatronsSection({ patroni, onSaved }: { patroni: Patron[]; onSaved: (p: Patron[]) => void }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="zona-patroni" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h2" id="zona-patroni">
        Patroni dei comuni
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>Il giorno del patrono è festivo nel comune: l’agenda lo segnala sugli appuntamenti di quel giorno.</Typography>
      {patroni.map((p) => (
        <PatronRow key={`${p.comuneIstat}-${p.giorno}-${p.santo}`} patron={p} onSaved={onSaved} />
      ))}
    </Paper>
  );
}
