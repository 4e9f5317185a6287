import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SedeHoursData } from '../../../shared/contracts/agenda';
import type { SedeData } from '../../../shared/contracts/zone';
import { toShownError, type ShownError } from '../../api/errors';
import { TimeField } from '../../components/TimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveSedeHours } from './store';

const WEEKDAYS = ['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato', 'Domenica'];
const SLOTS = [
  ['mattinaDa', 'Mattina dalle'],
  ['mattinaA', 'Mattina alle'],
  ['pomeriggioDa', 'Pomeriggio dalle'],
  ['pomeriggioA', 'Pomeriggio alle'],
] as const;
type Day = { giorno: number; mattinaDa: string; mattinaA: string; pomeriggioDa: string; pomeriggioA: string };

function weekOf(sedeId: string, orari: SedeHoursData[]): Day[] {
  return WEEKDAYS.map((_, i) => {
    const o = orari.find((x) => x.sedeId === sedeId && x.giorno === i + 1);
    return { giorno: i + 1, mattinaDa: o?.mattinaDa ?? '', mattinaA: o?.mattinaA ?? '', pomeriggioDa: o?.pomeriggioDa ?? '', pomeriggioA: o?.pomeriggioA ?? '' };
  });
}

/** One sede's opening hours, day by day: an empty pair means closed in that half of the day. */
function SedeHoursForm({ sede, orari, onSaved }: { sede: SedeData; orari: SedeHoursData[]; onSaved: (o: SedeHoursData[]) => void }) {
  const [days, setDays] = useState(() => weekOf(sede.id, orari));
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await saveSedeHours({ sedeId: sede.id, giorni: days.filter((d) => d.mattinaDa || d.mattinaA || d.pomeriggioDa || d.pomeriggioA) }));
      setSaved(true);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      component="form"
      aria-labelledby={`orari-${sede.id}`}
      sx={{ borderTop: 1, borderColor: 'divider', pt: 2, mt: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Typography variant="h3" id={`orari-${sede.id}`} sx={{ mb: 1 }}>
        Sede di {sede.nome}
      </Typography>
      <ErrorAlert error={error} />
      {days.map((d, i) => (
        <Box
          key={d.giorno}
          role="group"
          aria-label={`${WEEKDAYS[i]}, sede di ${sede.nome}`}
          sx={{ display: 'grid', gridTemplateColumns: '110px repeat(4, minmax(120px, 1fr))', gap: 1, alignItems: 'center', mb: 1 }}
        >
          <Typography sx={{ fontWeight: 600 }}>{WEEKDAYS[i]}</Typography>
          {SLOTS.map(([key, label]) => (
            <TimeField
              key={key}
              size="small"
              label={label}
              context={`${WEEKDAYS[i]}: `}
              value={d[key]}
              onChange={(v) => setDays(days.map((x, j) => (j === i ? { ...x, [key]: v } : x)))}
            />
          ))}
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" loading={busy}>
          Salva gli orari di {sede.nome}
        </Button>
        {saved ? <Typography role="status">Orari salvati.</Typography> : null}
      </Box>
    </Box>
  );
}

export function SedeHoursSection({ sedi, orari, onSaved }: { sedi: SedeData[]; orari: SedeHoursData[]; onSaved: (o: SedeHoursData[]) => void }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="zona-orari" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h2" id="zona-orari">
        Orari delle sedi
      </Typography>
      <Typography sx={{ color: 'text.secondary' }}>
        L’agenda avvisa quando un appuntamento cade fuori da questi orari. Lascia vuoti i campi dei giorni o delle fasce di chiusura.
      </Typography>
      {sedi.map((s) => (
        <SedeHoursForm key={s.id} sede={s} orari={orari} onSaved={onSaved} />
      ))}
    </Paper>
  );
}
