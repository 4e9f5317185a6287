import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { ConflictData } from '../../../shared/contracts/agenda';
import { APPOINTMENT_TIPO_LABELS, type AppointmentTipo } from '../../../shared/domain/agenda';
import { describeRule, withEnd, type Frequency, type SeriesEnd } from '../../../shared/domain/recurrence';
import type { ZoneData } from '../../../shared/contracts/zone';
import { issuesError, toShownError, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { draftProblems, saveDraft, toInput, type Draft } from './draft';
import { PersonPicker } from './PersonPicker';
import { checkAppointment, type StaffMember } from './store';

export function AppointmentDialog({ draft: initial, zone, staff, onClose }: { draft: Draft; zone: ZoneData; staff: StaffMember[]; onClose: () => void }) {
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [conflicts, setConflicts] = useState<ConflictData[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirm, setConfirm] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    setConfirm(false);
  };
  const problems = draftProblems(d);
  const valid = Object.keys(problems).length === 0;

  // Conflicts and holidays are shown while the form is filled, before anything is saved.
  useEffect(() => {
    let gone = false;
    const t = setTimeout(() => {
      if (!valid) {
        setConflicts([]);
        setWarnings([]);
        return;
      }
      checkAppointment(toInput(d, false))
        .then((r) => {
          if (gone) return;
          setConflicts(r.conflicts);
          setWarnings([...r.festivi.map((f) => `Giorno festivo: ${f.name} (${formatDate(f.date)}).`), ...(r.fuoriOrario ? ['Fuori dall’orario di apertura della sede.'] : [])]);
        })
        .catch(() => {
          if (!gone) setConflicts([]);
        });
    }, 250);
    return () => {
      gone = true;
      clearTimeout(t);
    };
  }, [d, valid]);

  const submit = async () => {
    setError(null);
    if (!valid) {
      setError(issuesError(Object.entries(problems).map(([field, message]) => ({ field, message }))));
      return;
    }
    if (conflicts.length > 0 && !confirm) {
      setError({ code: 'VALIDATION', message: 'Conferma di aver visto le sovrapposizioni, poi salva.', field: 'confermaConflitti' });
      return;
    }
    setBusy(true);
    try {
      const r = await saveDraft(d, confirm);
      if (r.saved) onClose();
      else setConflicts(r.conflicts);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  const sede = zone.sedi.find((s) => s.id === d.sedeId);
  const fieldError = (f: string) => problems[f] ?? (error?.field === f ? error.message : undefined);
  return (
    <FormDialog
      open
      title={d.id ? 'Modifica appuntamento' : 'Nuovo appuntamento'}
      submitLabel={conflicts.length > 0 ? 'Salva comunque' : 'Salva'}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="md"
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        {d.id && d.occurrenceDate ? (
          <Alert severity="info">{d.scope === 'occorrenza' ? 'Modifichi solo questo appuntamento della serie.' : 'Modifichi tutta la serie.'}</Alert>
        ) : null}
        <SelectField label="Tipo" value={d.tipo} onChange={(v) => set({ tipo: v as AppointmentTipo })}>
          {Object.entries(APPOINTMENT_TIPO_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ '& > *': { flex: 1 } }}>
          <DateField label="Data" value={d.date} onChange={(v) => set({ date: v })} required error={fieldError('start')} />
          <TimeField label="Dalle" value={d.from} onChange={(v) => set({ from: v })} required />
          <TimeField label="Alle" value={d.to} onChange={(v) => set({ to: v })} required error={fieldError('end')} />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ '& > *': { flex: 1 } }}>
          <SelectField label="Sede" value={d.sedeId} onChange={(v) => set({ sedeId: v, roomId: '' })} required={false} error={fieldError('sedeId')}>
            <option value="">Nessuna (fuori sede)</option>
            {zone.sedi.map((s) => (
              <option key={s.id} value={s.id}>
                {s.nome}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Stanza"
            value={d.roomId}
            onChange={(v) => set({ roomId: v })}
            required={false}
            error={fieldError('roomId')}
            disabled={!sede}
            helperText={sede ? undefined : 'Scegli prima la sede.'}
          >
            <option value="">Nessuna</option>
            {sede?.rooms
              .filter((r) => r.attiva || r.id === d.roomId)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.nome}
                </option>
              ))}
          </SelectField>
          <SelectField label="Comune (visite e sportelli)" value={d.comuneIstat} onChange={(v) => set({ comuneIstat: v })} required={false} error={fieldError('comuneIstat')}>
            <option value="">Nessuno</option>
            {zone.comuni.map((c) => (
              <option key={c.istat} value={c.istat}>
                {c.nome}
              </option>
            ))}
          </SelectField>
        </Stack>
        <TextField label="Indirizzo" value={d.indirizzo} onChange={(e) => set({ indirizzo: e.target.value })} />
        <FormControl component="fieldset" error={Boolean(fieldError('operatorIds'))}>
          <FormLabel component="legend">Operatori</FormLabel>
          <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
            {staff.map((u) => (
              <FormControlLabel
                key={u.id}
                control={
                  <Checkbox
                    checked={d.operatorIds.includes(u.id)}
                    onChange={(e) => set({ operatorIds: e.target.checked ? [...d.operatorIds, u.id] : d.operatorIds.filter((x) => x !== u.id) })}
                  />
                }
                label={u.fullName}
              />
            ))}
          </Stack>
          {fieldError('operatorIds') ? <FormHelperText>{fieldError('operatorIds')}</FormHelperText> : null}
        </FormControl>
        <PersonPicker value={{ personId: d.personId, personLabel: d.personLabel, caseId: d.caseId }} onChange={(p) => set(p)} onError={setError} />
        {!d.id || d.scope === 'serie' ? (
          <SelectField
            label="Ripetizione"
            value={d.freq === 'none' && d.rrule ? 'keep' : d.freq}
            onChange={(v) => set(v === 'keep' ? {} : { freq: v as Frequency, rrule: '' })}
            required={false}
            error={fieldError('rrule')}
          >
            {d.rrule ? <option value="keep">{describeRule(withEnd(d.rrule, { kind: 'mai' }))}</option> : null}
            <option value="none">Non si ripete</option>
            <option value="weekly">Ogni settimana, stesso giorno</option>
            <option value="monthly_nth">Ogni mese, stesso giorno della settimana (es. primo lunedì)</option>
            <option value="monthly_day">Ogni mese, stessa data</option>
            <option value="daily">Ogni giorno</option>
          </SelectField>
        ) : null}
        {(!d.id || d.scope === 'serie') && (d.freq !== 'none' || d.rrule) ? <SeriesEndFields ends={d.ends} date={d.date} onChange={(ends) => set({ ends })} /> : null}
        <TextField label="Note (non sono il diario)" value={d.note} onChange={(e) => set({ note: e.target.value })} multiline minRows={2} />
        {warnings.map((w) => (
          <Alert key={w} severity="warning">
            {w}
          </Alert>
        ))}
        {conflicts.length > 0 ? (
          <Alert severity="error" role="alert">
            <strong>Sovrapposizioni:</strong>
            <ul style={{ margin: 0 }}>
              {conflicts.map((c) => (
                <li key={`${c.kind}-${c.appointmentId}-${c.start}`}>{c.message}</li>
              ))}
            </ul>
            <FormControlLabel control={<Checkbox checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />} label="Ho visto le sovrapposizioni: salva comunque" />
          </Alert>
        ) : null}
      </Stack>
    </FormDialog>
  );
}

/** "Termina: mai / dopo N volte / il giorno …": a series that can end (RRULE COUNT or UNTIL). */
function SeriesEndFields({ ends, date, onChange }: { ends: SeriesEnd; date: string; onChange: (e: SeriesEnd) => void }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ '& > *': { flex: 1 } }}>
      <SelectField
        label="Termina"
        value={ends.kind}
        required={false}
        onChange={(v) => onChange(v === 'dopo' ? { kind: 'dopo', count: 4 } : v === 'il' ? { kind: 'il', until: date } : { kind: 'mai' })}
      >
        <option value="mai">Mai</option>
        <option value="dopo">Dopo un numero di volte</option>
        <option value="il">Il giorno…</option>
      </SelectField>
      {ends.kind === 'dopo' ? (
        <TextField
          label="Numero di volte"
          type="number"
          value={Number.isFinite(ends.count) ? String(ends.count) : ''}
          onChange={(e) => onChange({ kind: 'dopo', count: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          slotProps={{ htmlInput: { min: 1, max: 999, inputMode: 'numeric' } }}
          helperText="Compreso il primo appuntamento"
        />
      ) : null}
      {ends.kind === 'il' ? <DateField label="Ultimo giorno" value={ends.until} onChange={(v) => onChange({ kind: 'il', until: v })} helperText="Compreso" /> : null}
      {ends.kind === 'mai' ? <span /> : null}
    </Stack>
  );
}
