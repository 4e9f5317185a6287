import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import 'temporal-polyfill/global';
import FullCalendar from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import listPlugin from '@fullcalendar/react/list';
import interactionPlugin from '@fullcalendar/react/interaction';
import itLocale from '@fullcalendar/react/locales/it';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { OccurrenceData } from '../../../shared/contracts/agenda';
import type { ZoneData } from '../../../shared/contracts/zone';
import { todayInRome } from '../../../shared/domain/dates';
import { APPOINTMENT_STATO_LABELS } from '../../../shared/domain/agenda';
import { periodTitle, shiftPeriod, slotWindow, type AgendaView } from '../../../shared/domain/agenda-period';
import { DateField } from '../../components/DateField';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { allows, profileRefusal } from '../session';
import { selectZone, useZoneStore } from '../zone';
import { AppointmentDialog } from './AppointmentDialog';
import { draftFromOccurrence, emptyDraft, saveDraft, type Draft } from './draft';
import { DiaryFromAppointment, OccurrenceDialog } from './OccurrenceDialog';
import { PrintView } from './PrintView';
import { listOccurrences, loadAgendaBasics, useAgendaStore, type AgendaFilter, type StaffMember } from './store';

/** The grid works in floating wall time (UTC fields carry Rome's clock), as the core does. */
const wall = (d: Date) => d.toISOString().slice(0, 16);

function encodeFilter(f: AgendaFilter): string {
  return `${f.kind}:${f.id}`;
}
function decodeFilter(s: string): AgendaFilter {
  const [kind, id] = s.split(':') as [AgendaFilter['kind'], string];
  return { kind, id };
}

function FilterSelect({ value, onChange, zone, staff, label }: { value: AgendaFilter; onChange: (f: AgendaFilter) => void; zone: ZoneData; staff: StaffMember[]; label: string }) {
  return (
    <SelectField label={label} value={encodeFilter(value)} onChange={(v) => onChange(decodeFilter(v))}>
      <optgroup label="Operatori">
        {staff.map((u) => (
          <option key={u.id} value={`operatore:${u.id}`}>
            {u.fullName}
          </option>
        ))}
      </optgroup>
      <optgroup label="Sedi">
        {zone.sedi.map((s) => (
          <option key={s.id} value={`sede:${s.id}`}>
            Sede di {s.nome}
          </option>
        ))}
      </optgroup>
      <optgroup label="Stanze">
        {zone.sedi.flatMap((s) =>
          s.rooms.map((r) => (
            <option key={r.id} value={`stanza:${r.id}`}>
              {s.nome} · {r.nome}
            </option>
          )),
        )}
      </optgroup>
    </SelectField>
  );
}

/** FullCalendar's palette, darkened where its greys and faded holiday titles fail WCAG AA contrast. */
const CALENDAR_PALETTE = {
  '--fc-classic-primary': '#0066CC',
  '--fc-classic-muted-foreground': '#374151',
  '--fc-classic-faint-foreground': '#4B5563',
  '--fc-classic-background-event-foreground-opacity': '100%',
  '--fc-classic-today': '#FFF8D6',
};

const COLORS: Record<string, string> = { colloquio: '#0066CC', visita_domiciliare: '#00695C', riunione_equipe: '#5C2D91', sportello: '#8A4B08', altro: '#455A64' };

function AgendaColumn({
  filter,
  view,
  date,
  canWrite,
  onSelectSlot,
  onOpen,
  onError,
}: {
  filter: AgendaFilter;
  view: AgendaView;
  date: string;
  canWrite: boolean;
  onSelectSlot: (start: string, end: string) => void;
  onOpen: (o: OccurrenceData) => void;
  onError: (e: ShownError) => void;
}) {
  const version = useAgendaStore((s) => s.version);
  const orari = useAgendaStore((s) => s.orari);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [occ, setOcc] = useState<OccurrenceData[]>([]);
  const [festivi, setFestivi] = useState<{ date: string; name: string }[]>([]);

  useEffect(() => {
    if (!range) return;
    let gone = false;
    listOccurrences(range.from, range.to, filter)
      .then((r) => {
        if (gone) return;
        setOcc(r.occurrences);
        setFestivi(r.festivi);
      })
      .catch((e: unknown) => onError(toShownError(e)));
    return () => {
      gone = true;
    };
  }, [range, filter, version, onError]);

  const sedeId = filter.kind === 'sede' ? filter.id : null;
  const businessHours = orari
    .filter((o) => (sedeId ? o.sedeId === sedeId : false))
    .flatMap((o) => [
      ...(o.mattinaDa ? [{ daysOfWeek: [o.giorno % 7], startTime: o.mattinaDa, endTime: o.mattinaA }] : []),
      ...(o.pomeriggioDa ? [{ daysOfWeek: [o.giorno % 7], startTime: o.pomeriggioDa, endTime: o.pomeriggioA }] : []),
    ]);
  const events = useMemo(
    () => [
      ...occ.map((o) => ({
        id: o.key,
        title: `${o.inConflitto || o.conflittoConfermato ? '⚠ ' : ''}${o.stato !== 'programmato' ? `${APPOINTMENT_STATO_LABELS[o.stato]} · ` : ''}${o.title}${o.roomNome ? ` · ${o.roomNome}` : o.comuneNome ? ` · ${o.comuneNome}` : ''}`,
        start: o.start,
        end: o.end,
        color: o.stato === 'annullato' ? '#616161' : o.inConflitto || o.conflittoConfermato ? '#B71C1C' : COLORS[o.tipo],
        contrastColor: '#FFFFFF',
        extendedProps: { occ: o },
      })),
      // The day is tinted (a background event, drawn in the all-day row and in the day's column
      // alike, hence untitled) and named once, by an all-day entry that cannot be dragged.
      ...festivi.map((f) => ({ id: `festa-${f.date}-${f.name}`, title: '', start: f.date, allDay: true, display: 'background', color: '#8A4B08' })),
      ...festivi.map((f) => ({ id: `nome-festa-${f.date}-${f.name}`, title: f.name, start: f.date, allDay: true, editable: false, color: '#8A4B08', contrastColor: '#FFFFFF' })),
    ],
    [occ, festivi],
  );

  const slots = useMemo(() => slotWindow(occ), [occ]);

  const move = async (o: OccurrenceData, start: string, end: string, revert: () => void) => {
    if (start.slice(0, 10) !== end.slice(0, 10)) {
      revert();
      onError({ code: 'VALIDATION', message: 'Un appuntamento inizia e finisce nello stesso giorno: per più giorni usa la ripetizione.' });
      return;
    }
    try {
      const draft: Draft = { ...draftFromOccurrence(o, o.rrule ? 'occorrenza' : 'serie'), date: start.slice(0, 10), from: start.slice(11, 16), to: end.slice(11, 16) };
      let r = await saveDraft(draft, false);
      if (!r.saved && r.conflicts.length > 0) {
        if (window.confirm(`Sovrapposizioni:\n${r.conflicts.map((c) => c.message).join('\n')}\n\nSpostare comunque?`)) r = await saveDraft(draft, true);
      }
      if (!r.saved) revert();
    } catch (e) {
      revert();
      onError(toShownError(e));
    }
  };

  return (
    <FullCalendar
      // Remounted when the view or the date changes: initialView/initialDate are the API.
      key={`${view}-${date}`}
      plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
      locale={itLocale}
      timeZone="UTC"
      initialView={view}
      initialDate={date}
      headerToolbar={false}
      height="auto"
      // Widened to what the period holds, so a 06:30 visit or a 21:00 meeting is never off-grid.
      slotMinTime={slots.slotMinTime}
      slotMaxTime={slots.slotMaxTime}
      slotDuration="00:15:00"
      allDaySlot
      weekends
      firstDay={1}
      nowIndicator={false}
      selectable={canWrite}
      editable={canWrite}
      businessHours={businessHours.length > 0 ? businessHours : false}
      events={events}
      datesSet={(info) => setRange({ from: info.startStr.slice(0, 10), to: info.endStr.slice(0, 10) })}
      select={(info) => {
        if (!info.allDay) onSelectSlot(wall(info.start), wall(info.end));
      }}
      eventClick={(info) => {
        const o = info.event.extendedProps.occ as OccurrenceData | undefined;
        if (o) onOpen(o);
      }}
      eventDrop={(info) => {
        const o = info.event.extendedProps.occ as OccurrenceData | undefined;
        if (o && info.event.start && info.event.end) void move(o, wall(info.event.start), wall(info.event.end), info.revert);
        else info.revert();
      }}
      eventResize={(info) => {
        const o = info.event.extendedProps.occ as OccurrenceData | undefined;
        if (o && info.event.start && info.event.end) void move(o, wall(info.event.start), wall(info.event.end), info.revert);
        else info.revert();
      }}
    />
  );
}

export function AgendaPage({ session }: { session: SessionInfoData }) {
  const zone = useZoneStore(selectZone);
  const staff = useAgendaStore((s) => s.staff);
  const loadError = useAgendaStore((s) => s.error);
  const [error, setError] = useState<ShownError | null>(null);
  const [view, setView] = useState<AgendaView>('timeGridWeek');
  const [date, setDate] = useState(todayInRome());
  const [columns, setColumns] = useState<AgendaFilter[]>([{ kind: 'operatore', id: session.user.id }]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [open, setOpen] = useState<OccurrenceData | null>(null);
  const [diary, setDiary] = useState<OccurrenceData | null>(null);
  const [printing, setPrinting] = useState(false);
  const canWrite = allows(session, 'agenda.write');
  const refusal = profileRefusal(session, 'agenda.read');

  useEffect(() => {
    if (!refusal) void loadAgendaBasics();
  }, [refusal]);

  if (refusal) return <ComingSoonPage title="Agenda" lead="L'agenda condivisa dell'équipe." refusal={refusal} bullets={[]} />;
  if (!zone) return null;
  if (printing) return <PrintView filter={columns[0] as AgendaFilter} date={date} onClose={() => setPrinting(false)} />;

  const newDraft = (start: string, end: string): Draft => {
    const col = columns[0] as AgendaFilter;
    const me = staff.find((u) => u.id === session.user.id);
    const sedeId = col.kind === 'sede' ? col.id : col.kind === 'stanza' ? (zone.sedi.find((s) => s.rooms.some((r) => r.id === col.id))?.id ?? '') : (me?.sedeId ?? '');
    return emptyDraft({
      date: start.slice(0, 10),
      from: start.slice(11, 16),
      to: end.slice(11, 16),
      sedeId,
      roomId: col.kind === 'stanza' ? col.id : '',
      operatorIds: col.kind === 'operatore' ? [col.id] : [session.user.id],
    });
  };

  return (
    <>
      <PageTitle subtitle="Appuntamenti per operatore, sede e stanza, nelle due sedi." documentTitle="Agenda">
        Agenda
      </PageTitle>
      <ErrorAlert error={error ?? loadError} />
      <Box sx={{ display: 'flex', gap: 2, mb: 2, alignItems: 'center', flexWrap: 'wrap', '& .MuiTextField-root': { width: 200 } }}>
        <SelectField label="Vista" value={view} onChange={(v) => setView(v as AgendaView)}>
          <option value="timeGridDay">Giorno</option>
          <option value="timeGridWeek">Settimana</option>
          <option value="dayGridMonth">Mese</option>
          <option value="listWeek">Elenco</option>
        </SelectField>
        <DateField label="Vai al giorno" value={date} onChange={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && setDate(v)} />
        {canWrite ? (
          <Button variant="contained" onClick={() => setDraft(newDraft(`${date}T09:00`, `${date}T10:00`))}>
            Nuovo appuntamento
          </Button>
        ) : null}
        <Button onClick={() => setPrinting(true)}>Stampa il giorno</Button>
      </Box>
      <Box component="nav" aria-label="Periodo" sx={{ display: 'flex', gap: 1, mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" onClick={() => setDate(shiftPeriod(view, date, -1))}>
          ‹ Precedente
        </Button>
        <Button variant="outlined" onClick={() => setDate(todayInRome())}>
          Oggi
        </Button>
        <Button variant="outlined" onClick={() => setDate(shiftPeriod(view, date, 1))}>
          Successivo ›
        </Button>
        <Typography component="h2" variant="h2" aria-live="polite" sx={{ fontSize: '1.35rem', ml: 1, '&::first-letter': { textTransform: 'uppercase' } }}>
          {periodTitle(view, date)}
        </Typography>
      </Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {columns.map((c, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <FilterSelect
              label={columns.length > 1 ? `Colonna ${i + 1}` : 'Agenda di'}
              value={c}
              onChange={(f) => setColumns(columns.map((x, j) => (j === i ? f : x)))}
              zone={zone}
              staff={staff}
            />
            {columns.length > 1 ? <Button onClick={() => setColumns(columns.filter((_, j) => j !== i))}>Togli</Button> : null}
          </Stack>
        ))}
        {columns.length < 4 ? <Button onClick={() => setColumns([...columns, { kind: 'sede', id: zone.sedi[0]?.id ?? '' }])}>Affianca un’altra agenda</Button> : null}
      </Stack>
      {columns.length > 1 && view !== 'timeGridDay' ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          Con più agende affiancate conviene la vista Giorno.
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))`, gap: 2, ...CALENDAR_PALETTE }}>
        {columns.map((c, i) => (
          <Box key={`${i}-${encodeFilter(c)}`} component="section" aria-label={`Agenda ${i + 1}`}>
            <AgendaColumn filter={c} view={view} date={date} canWrite={canWrite} onSelectSlot={(s, e) => setDraft(newDraft(s, e))} onOpen={setOpen} onError={setError} />
          </Box>
        ))}
      </Box>
      {draft ? <AppointmentDialog draft={draft} zone={zone} staff={staff} onClose={() => setDraft(null)} /> : null}
      {open ? (
        <OccurrenceDialog
          occ={open}
          session={session}
          canWrite={canWrite}
          onClose={() => setOpen(null)}
          onEdit={(scope) => {
            setDraft(draftFromOccurrence(open, scope));
            setOpen(null);
          }}
          onDiary={(o) => {
            setOpen(null);
            setDiary(o);
          }}
        />
      ) : null}
      {diary ? <DiaryFromAppointment occ={diary} onClose={() => setDiary(null)} /> : null}
    </>
  );
}
