import EventOutlined from '@mui/icons-material/EventOutlined';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { todayInRome } from '../../../shared/domain/dates';
import { allows } from '../session';
import { loadZone, selectZone, useZoneStore } from '../zone';
import { AppointmentDialog } from './AppointmentDialog';
import { emptyDraft } from './draft';
import { loadAgendaBasics, useAgendaStore } from './store';

/** "Nuovo appuntamento" from a person's or a case's page: the agenda's dialog, already with them. */
export function NewAppointmentButton({
  session,
  person,
  caseId = null,
  sedeId,
}: {
  session: SessionInfoData;
  person: { id: string; cognome: string; nome: string };
  caseId?: string | null;
  sedeId?: string | null;
}) {
  const zone = useZoneStore(selectZone);
  const staff = useAgendaStore((s) => s.staff);
  const [open, setOpen] = useState(false);
  const canWrite = allows(session, 'agenda.write');
  useEffect(() => {
    if (!open) return;
    if (!zone) void loadZone();
    if (staff.length === 0) void loadAgendaBasics();
  }, [open, zone, staff.length]);
  if (!canWrite) return null;
  const draft = emptyDraft({
    date: todayInRome(),
    from: '09:00',
    to: '10:00',
    operatorIds: [session.user.id],
    sedeId: sedeId ?? session.user.sedeId ?? '',
    personId: person.id,
    personLabel: `${person.cognome} ${person.nome}`,
    caseId,
  });
  return (
    <>
      <Button variant="outlined" startIcon={<EventOutlined />} onClick={() => setOpen(true)}>
        Nuovo appuntamento
      </Button>
      {open && zone ? <AppointmentDialog draft={draft} zone={zone} staff={staff} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
