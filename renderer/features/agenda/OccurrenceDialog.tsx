import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { OccurrenceData } from '../../../shared/contracts/agenda';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { APPOINTMENT_STATO_LABELS, APPOINTMENT_TIPO_LABELS, type AppointmentStato } from '../../../shared/domain/agenda';
import { describeRule } from '../../../shared/domain/recurrence';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { DocumentButton } from '../documenti';
import { agendaChanged, diaryFromAppointment, setOccurrenceStatus } from './store';

/** One appointment: what, when, where, with whom; its status; editing it or its series. */
export function OccurrenceDialog({
  occ,
  session,
  canWrite,
  onEdit,
  onDiary,
  onClose,
}: {
  occ: OccurrenceData;
  session: SessionInfoData;
  canWrite: boolean;
  onEdit: (scope: 'serie' | 'occorrenza') => void;
  onDiary: (occ: OccurrenceData) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const [error, setError] = useState<ShownError | null>(null);
  const [motivo, setMotivo] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const series = occ.rrule !== '';
  const status = async (stato: AppointmentStato) => {
    try {
      await setOccurrenceStatus({ id: occ.appointmentId, occurrenceDate: series ? occ.occurrenceDate : null, stato, motivo });
      agendaChanged();
      if (stato === 'svolto' && occ.caseId) onDiary(occ);
      else onClose();
    } catch (e) {
      setError(toShownError(e));
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{occ.title}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} />
        <Stack spacing={1}>
          <Typography>
            <strong>{APPOINTMENT_TIPO_LABELS[occ.tipo]}</strong> · {formatDate(occ.start.slice(0, 10))} dalle {occ.start.slice(11)} alle {occ.end.slice(11)}
          </Typography>
          <Typography>Dove: {[occ.sedeNome ? `sede di ${occ.sedeNome}` : null, occ.roomNome, occ.comuneNome, occ.indirizzo].filter(Boolean).join(', ') || '—'}</Typography>
          <Typography>Operatori: {occ.operators.map((o) => o.fullName).join(', ')}</Typography>
          {occ.caseNumero ? <Typography>Cartella: {occ.caseNumero}</Typography> : null}
          {series ? <Typography>Ripetizione: {describeRule(occ.rrule)}</Typography> : null}
          <Typography>
            Stato: <strong>{APPOINTMENT_STATO_LABELS[occ.stato]}</strong>
            {occ.motivo ? ` (${occ.motivo})` : ''}
          </Typography>
          {occ.note ? <Typography>Note: {occ.note}</Typography> : null}
          {occ.festivo ? <Alert severity="warning">Giorno festivo: {occ.festivo}</Alert> : null}
          {occ.inConflitto || occ.conflittoConfermato ? <Alert severity="error">Sovrapposto a un altro appuntamento dello stesso operatore o della stessa stanza.</Alert> : null}
          {cancelling ? <TextField label="Motivo dell’annullamento" value={motivo} onChange={(e) => setMotivo(e.target.value)} autoFocus required /> : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        {occ.personId && occ.stato === 'programmato' ? (
          <DocumentButton
            session={session}
            subject={{ kind: 'appuntamento', id: occ.appointmentId, ...(series && occ.occurrenceDate ? { occurrenceDate: occ.occurrenceDate } : {}) }}
            label="Convocazione"
            initial="convocazione"
            variant="text"
          />
        ) : null}
        {canWrite && occ.stato === 'programmato' ? (
          <>
            <Button onClick={() => void status('svolto')}>Segna svolto</Button>
            <Button onClick={() => void status('assente')}>Segna assente</Button>
            {cancelling ? (
              <Button color="error" onClick={() => void status('annullato')}>
                Conferma annullamento
              </Button>
            ) : (
              <Button color="error" onClick={() => setCancelling(true)}>
                Annulla appuntamento
              </Button>
            )}
            {series ? <Button onClick={() => onEdit('occorrenza')}>Modifica solo questo</Button> : null}
            <Button onClick={() => onEdit('serie')}>{series ? 'Modifica la serie' : 'Modifica'}</Button>
          </>
        ) : null}
        <Button variant="contained" onClick={onClose}>
          Chiudi
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** After a colloquio is svolto: the diary entry, prefilled from the appointment. */
export function DiaryFromAppointment({ occ, onClose }: { occ: OccurrenceData; onClose: () => void }) {
  const titleId = useId();
  const [testo, setTesto] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const tipo = occ.tipo === 'visita_domiciliare' ? 'visita_domiciliare' : occ.tipo === 'riunione_equipe' ? 'riunione_equipe' : occ.tipo === 'colloquio' ? 'colloquio' : 'altro';
  const luogo = [occ.sedeNome ? `Sede di ${occ.sedeNome}` : null, occ.roomNome, occ.comuneNome, occ.indirizzo].filter(Boolean).join(', ');
  const partecipanti = [occ.personName, ...occ.operators.map((o) => o.fullName)].filter(Boolean).join(', ');
  const save = async () => {
    try {
      await diaryFromAppointment({
        caseId: occ.caseId as string,
        tipo,
        data: occ.start.slice(0, 10),
        ora: occ.start.slice(11, 16),
        luogo,
        partecipanti,
        testo,
        riservato: false,
        nominati: [],
      });
      onClose();
    } catch (e) {
      setError(toShownError(e));
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Annotazione nel diario</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} />
        <Typography sx={{ mb: 2 }}>
          {occ.caseNumero ? `Cartella ${occ.caseNumero} · ` : ''}
          {formatDate(occ.start.slice(0, 10))} ore {occ.start.slice(11, 16)}
        </Typography>
        <Stack spacing={2}>
          <TextField label="Luogo" value={luogo} slotProps={{ input: { readOnly: true } }} />
          <TextField label="Partecipanti" value={partecipanti} slotProps={{ input: { readOnly: true } }} />
          <TextField
            label="Testo dell’annotazione"
            value={testo}
            onChange={(e) => setTesto(e.target.value)}
            multiline
            minRows={4}
            autoFocus
            slotProps={{ htmlInput: { 'aria-required': true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Non ora</Button>
        <Button variant="contained" onClick={() => void save()}>
          Salva nel diario
        </Button>
      </DialogActions>
    </Dialog>
  );
}
