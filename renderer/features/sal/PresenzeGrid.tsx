import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRef, useState, type KeyboardEvent } from 'react';
import { GIORNO_LABELS } from '../../../shared/domain/sal/regimi';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { savePresenze, type PresenzeMonth } from './store';

type Day = PresenzeMonth['grid'][number];
type Row = { ore: string; assenza: string };

const ASSENZE = ['', 'malattia', 'permesso', 'ferie', 'chiusura aziendale', 'altro'];
const KIND_LABEL: Record<Day['kind'], string> = { fuori: 'fuori periodo', sospeso: 'sospeso', festivo: 'festivo', riposo: 'riposo', previsto: 'previsto' };
const hoursText = (n: number) => (n === 0 ? '' : String(n).replace('.', ','));

/**
 * A month of presenze, filled from the keyboard: ↑/↓ or Enter move between days, typed hours
 * are kept as typed until saved (Enter jumps to the next planned day); days outside the tirocinio or suspended cannot take hours.
 */
export function PresenzeGrid({ tirocinioId, month, data, canWrite }: { tirocinioId: string; month: string; data: PresenzeMonth; canWrite: boolean }) {
  // What the core holds, with the user's unsaved edits on top: a save by someone else shows at once.
  const stored: Record<string, Row> = Object.fromEntries(
    data.grid.map((d) => {
      const p = data.presenze.find((x) => x.date === d.date);
      return [d.date, { ore: hoursText(p?.ore ?? 0), assenza: p?.assenza ?? '' }];
    }),
  );
  const [edits, setEdits] = useState<Record<string, Row>>({});
  const rows: Record<string, Row> = { ...stored, ...edits };
  const dirty = Object.keys(edits).length > 0;
  const setRows = (update: (old: Record<string, Row>) => Record<string, Row>) => {
    const next = update(rows);
    setEdits(Object.fromEntries(Object.entries(next).filter(([date, r]) => r.ore !== stored[date]?.ore || r.assenza !== stored[date]?.assenza)));
  };
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const locked = (d: Day) => !canWrite || d.kind === 'fuori' || d.kind === 'sospeso';
  const change = (date: string, patch: Partial<Row>) => {
    setRows((old) => ({ ...old, [date]: { ...old[date]!, ...patch } }));
    setSaved(null);
  };
  // Enter goes to the next planned day (the usual way through a month); the arrows to any open day.
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' || event.key === 'Enter' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    for (let i = index + step; i >= 0 && i < data.grid.length; i += step) {
      const el = inputs.current[i];
      if (event.key === 'Enter' && data.grid[i]?.kind !== 'previsto') continue;
      if (el && !el.disabled) return el.focus();
    }
  };
  const fillPlanned = () => {
    setRows((old) =>
      Object.fromEntries(
        data.grid.map((d) => [d.date, d.kind === 'previsto' && old[d.date]!.ore === '' && !old[d.date]!.assenza ? { ...old[d.date]!, ore: hoursText(d.previste) } : old[d.date]!]),
      ),
    );
  };
  const copyPreviousWeek = (index: number) => {
    setRows((old) => {
      const next = { ...old };
      for (let i = index; i < Math.min(index + 7, data.grid.length); i++) {
        const d = data.grid[i]!;
        const before = data.grid[i - 7];
        if (before && !locked(d)) next[d.date] = { ...old[before.date]! };
      }
      return next;
    });
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const presenze = data.grid.map((d) => ({ date: d.date, ore: Number(rows[d.date]!.ore.replace(',', '.') || 0), assenza: rows[d.date]!.assenza }));
      const bad = presenze.find((p) => Number.isNaN(p.ore));
      if (bad) throw Object.assign(new Error(), { shown: { code: 'VALIDATION', message: `${formatDate(bad.date)}: le ore vanno scritte come numero (es. 4 o 3,5).` } });
      const { indennita } = await savePresenze({ tirocinioId, month, presenze });
      setEdits({});
      setSaved(indennita.spiegazione);
    } catch (e) {
      setError((e as { shown?: ShownError }).shown ?? toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  const total = Object.values(rows).reduce((sum, r) => sum + (Number(r.ore.replace(',', '.')) || 0), 0);
  return (
    <>
      {canWrite ? (
        <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Button onClick={fillPlanned}>Riempi con l’orario previsto</Button>
          <Button variant="contained" onClick={() => void save()} loading={busy} disabled={!dirty}>
            Salva le presenze
          </Button>
        </Box>
      ) : null}
      <ErrorAlert error={error} />
      {saved ? (
        <Alert severity="success" sx={{ mb: 1 }}>
          Presenze salvate: {saved}
        </Alert>
      ) : null}
      <Table size="small" aria-label="Presenze del mese">
        <TableHead>
          <TableRow>
            <TableCell>Giorno</TableCell>
            <TableCell>Previsto</TableCell>
            <TableCell>Ore svolte</TableCell>
            <TableCell>Assenza</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.grid.map((d, i) => (
            <TableRow key={d.date} sx={{ bgcolor: d.kind === 'previsto' ? undefined : 'action.hover' }}>
              <TableCell>
                {GIORNO_LABELS[d.giorno]} {formatDate(d.date)}
              </TableCell>
              <TableCell>{d.kind === 'previsto' ? `${hoursText(d.previste)} h` : d.kind === 'festivo' ? `festivo: ${d.festa ?? ''}` : KIND_LABEL[d.kind]}</TableCell>
              <TableCell>
                <input
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  aria-label={`Ore svolte ${formatDate(d.date)}`}
                  inputMode="decimal"
                  size={5}
                  value={rows[d.date]?.ore ?? ''}
                  disabled={locked(d)}
                  onChange={(e) => change(d.date, { ore: e.target.value })}
                  onKeyDown={(e) => move(e, i)}
                  style={{ font: 'inherit', padding: '4px 6px' }}
                />
              </TableCell>
              <TableCell>
                <select
                  aria-label={`Assenza ${formatDate(d.date)}`}
                  value={rows[d.date]?.assenza ?? ''}
                  disabled={locked(d)}
                  onChange={(e) => change(d.date, { assenza: e.target.value })}
                  style={{ font: 'inherit' }}
                >
                  {ASSENZE.map((a) => (
                    <option key={a} value={a}>
                      {a === '' ? '—' : a}
                    </option>
                  ))}
                </select>
              </TableCell>
              <TableCell>
                {canWrite && d.giorno === 'lun' && i >= 7 ? (
                  <Button size="small" onClick={() => copyPreviousWeek(i)}>
                    Copia la settimana prima
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography sx={{ mt: 1 }}>Totale ore inserite: {hoursText(total) || '0'}</Typography>
    </>
  );
}
