import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { ConflictData, OccurrenceData } from '../../../shared/contracts/agenda';
import { APPOINTMENT_TIPO_LABELS, type AppointmentTipo } from '../../../shared/domain/agenda';
import { buildRule, describeRule, type Frequency } from '../../../shared/domain/recurrence';
import type { ZoneData } from '../../../shared/contracts/zone';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { agendaChanged, type StaffMember } from './store';

export interface Draft {
  id?: string;
  scope: 'serie' | 'occorrenza';
  occurrenceDate: string | null;
  tipo: AppointmentTipo;
  sedeId: string;
  roomId: string;
  comuneIstat: string;
  indirizzo: string;
  operatorIds: string[];
  personId: string | null;
  personLabel: string;
  caseId: string | null;
  date: string;
  from: string;
  to: string;
  freq: Frequency;
  rrule: string;
  note: string;
}

export function draftFromOccurrence(o: OccurrenceData, scope: 'serie' | 'occorrenza'): Draft {
  return {
    id: o.appointmentId,
    scope,
    occurrenceDate: o.rrule ? o.occurrenceDate : null,
    tipo: o.tipo,
    sedeId: o.sedeId ?? '',
    roomId: o.roomId ?? '',
    comuneIstat: o.comuneIstat ?? '',
    indirizzo: o.indirizzo,
    operatorIds: o.operators.map((x) => x.id),
    personId: o.personId,
    personLabel: o.personName ?? '',
    caseId: o.caseId,
    date: o.start.slice(0, 10),
    from: o.start.slice(11, 16),
    to: o.end.slice(11, 16),
    freq: 'none',
    rrule: scope === 'serie' ? o.rrule : '',
    note: o.note,
  };
}

function toInput(d: Draft, confirm: boolean) {
  const rrule = d.freq === 'none' ? d.rrule : buildRule(d.freq, `${d.date}T${d.from}`);
  return {
    ...(d.id ? { id: d.id } : {}),
    scope: d.scope,
    occurrenceDate: d.occurrenceDate,
    tipo: d.tipo,
    sedeId: d.sedeId || null,
    roomId: d.roomId || null,
    comuneIstat: d.comuneIstat || null,
    indirizzo: d.indirizzo,
    operatorIds: d.operatorIds,
    personId: d.personId,
    caseId: d.caseId,
    start: `${d.date}T${d.from}`,
    end: `${d.date}T${d.to}`,
    rrule,
    note: d.note,
    confermaConflitti: confirm,
  };
}

/** Save a draft: the core answers with conflicts first, and only a confirmed save goes over them. */
export async function saveDraft(d: Draft, confirm: boolean) {
  const result = await api.call('agenda.save', toInput(d, confirm));
  if (result.saved) agendaChanged();
  return result;
}

export function AppointmentDialog({ draft: initial, zone, staff, onClose }: { draft: Draft; zone: ZoneData; staff: StaffMember[]; onClose: () => void }) {
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [conflicts, setConflicts] = useState<ConflictData[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [personQuery, setPersonQuery] = useState('');
  const [people, setPeople] = useState<{ id: string; label: string; caseId: string | null }[]>([]);
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    setConfirm(false);
  };

  // Conflicts and holidays are shown while the form is filled, before anything is saved.
  useEffect(() => {
    let gone = false;
    const t = setTimeout(() => {
      if (d.operatorIds.length === 0 || !d.date || !d.from || !d.to) return;
      api
        .call('agenda.check', toInput(d, false))
        .then((r) => {
          if (gone) return;
          setConflicts(r.conflicts);
          setWarnings([...r.festivi.map((f) => `Giorno festivo: ${f.name} (${f.date.split('-').reverse().join('/')}).`), ...(r.fuoriOrario ? ['Fuori dall’orario di apertura della sede.'] : [])]);
        })
        .catch(() => {
          if (!gone) setConflicts([]);
        });
    }, 250);
    return () => {
      gone = true;
      clearTimeout(t);
    };
  }, [d]);

  const search = async () => {
    try {
      const r = await api.call('persons.search', { query: personQuery, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 10 });
      setPeople(r.results.map((p) => ({ id: p.id, label: `${p.cognome} ${p.nome}${p.comune ? ` (${p.comune})` : ''}`, caseId: p.cases[0]?.id ?? null })));
    } catch (e) {
      setError(toShownError(e));
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
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
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <FormDialog open title={d.id ? 'Modifica appuntamento' : 'Nuovo appuntamento'} submitLabel={conflicts.length > 0 ? 'Salva comunque' : 'Salva'} busy={busy} error={error} onSubmit={() => void submit()} onClose={onClose} maxWidth="md">
      <Stack spacing={2} sx={{ mt: 1 }}>
        {d.id && d.occurrenceDate ? <Alert severity="info">{d.scope === 'occorrenza' ? 'Modifichi solo questo appuntamento della serie.' : 'Modifichi tutta la serie.'}</Alert> : null}
        <SelectField label="Tipo" value={d.tipo} onChange={(v) => set({ tipo: v as AppointmentTipo })}>
          {Object.entries(APPOINTMENT_TIPO_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        <Stack direction="row" spacing={2}>
          <TextField label="Data" type="date" value={d.date} onChange={(e) => set({ date: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} error={Boolean(fieldError('start'))} helperText={fieldError('start')} />
          <TextField label="Dalle" type="time" value={d.from} onChange={(e) => set({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField label="Alle" type="time" value={d.to} onChange={(e) => set({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} error={Boolean(fieldError('end'))} helperText={fieldError('end')} />
        </Stack>
        <Stack direction="row" spacing={2}>
          <SelectField label="Sede" value={d.sedeId} onChange={(v) => set({ sedeId: v, roomId: '' })} required={false} error={fieldError('sedeId')}>
            <option value="">Nessuna (fuori sede)</option>
            {zone.sedi.map((s) => (
              <option key={s.id} value={s.id}>
                {s.nome}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stanza" value={d.roomId} onChange={(v) => set({ roomId: v })} required={false} error={fieldError('roomId')} disabled={!sede}>
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
            <option value="">—</option>
            {zone.comuni.map((c) => (
              <option key={c.istat} value={c.istat}>
                {c.nome}
              </option>
            ))}
          </SelectField>
        </Stack>
        <TextField label="Indirizzo" value={d.indirizzo} onChange={(e) => set({ indirizzo: e.target.value })} />
        <Stack direction="row" sx={{ flexWrap: 'wrap' }} role="group" aria-label="Operatori">
          {fieldError('operatorIds') ? <Alert severity="error">{fieldError('operatorIds')}</Alert> : null}
          {staff.map((u) => (
            <FormControlLabel
              key={u.id}
              control={<Checkbox checked={d.operatorIds.includes(u.id)} onChange={(e) => set({ operatorIds: e.target.checked ? [...d.operatorIds, u.id] : d.operatorIds.filter((x) => x !== u.id) })} />}
              label={u.fullName}
            />
          ))}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField label="Persona (cognome, nome o codice fiscale)" value={personQuery} onChange={(e) => setPersonQuery(e.target.value)} sx={{ flex: 1 }} />
          <Button onClick={() => void search()}>Cerca</Button>
        </Stack>
        {people.length > 0 ? (
          <SelectField label="Persona trovata" value={d.personId ?? ''} onChange={(v) => {
            const p = people.find((x) => x.id === v);
            set({ personId: p?.id ?? null, personLabel: p?.label ?? '', caseId: p?.caseId ?? null });
          }} required={false}>
            <option value="">Nessuna</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {d.personId ? <Alert severity="info">Con: {d.personLabel || 'persona collegata'}{d.caseId ? ' (cartella collegata)' : ''}</Alert> : null}
        {!d.id || d.scope === 'serie' ? (
          <SelectField label="Ripetizione" value={d.freq === 'none' && d.rrule ? 'keep' : d.freq} onChange={(v) => set(v === 'keep' ? {} : { freq: v as Frequency, rrule: '' })} required={false}>
            {d.rrule ? <option value="keep">{describeRule(d.rrule)}</option> : null}
            <option value="none">Non si ripete</option>
            <option value="weekly">Ogni settimana, stesso giorno</option>
            <option value="monthly_nth">Ogni mese, stesso giorno della settimana (es. primo lunedì)</option>
            <option value="monthly_day">Ogni mese, stessa data</option>
            <option value="daily">Ogni giorno</option>
          </SelectField>
        ) : null}
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
