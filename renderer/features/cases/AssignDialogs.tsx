import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { RUOLI_OPERATORE, type RuoloOperatore } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import TextField from '@mui/material/TextField';
import { PROFILE_LABELS, PROFILES, canHoldCase, type Profile } from '../../../shared/domain/permissions';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { formatDate } from '../../i18n/format';
import { loadDirectory, selectDirectory, useSearchStore } from '../search';
import { selectSession, useSessionStore } from '../session';
import { selectZone, useZoneStore } from '../zone';
import { assignOperator, endAssignment } from './store';
import { maxLength } from '../../api/limits';

export type Assignment = CaseDetailData['operators'][number];

function isProfile(profile: string): profile is Profile {
  return (PROFILES as readonly string[]).includes(profile);
}

function profileLabel(profile: string): string {
  return isProfile(profile) ? PROFILE_LABELS[profile] : profile;
}

/** Assign a colleague; with `transfer`, a new responsabile (the current one's period ends that day). */
export function AssignDialog({ detail, transfer, onClose }: { detail: CaseDetailData; transfer: boolean; onClose: () => void }) {
  const directory = useSearchStore(selectDirectory);
  const zone = useZoneStore(selectZone);
  const me = useSessionStore(selectSession)?.user.id;
  const [userId, setUserId] = useState('');
  const [ruolo, setRuolo] = useState<RuoloOperatore>(transfer ? 'responsabile' : 'co_operatore');
  const [dal, setDal] = useState(todayInRome());
  const [motivo, setMotivo] = useState('');
  // Only colleagues who can hold the case in this role; never oneself (no self-assignment).
  const responsabili = zone?.regoleCartelle.responsabiliProfili ?? [];
  const offered = directory.filter((u) => u.id !== me && isProfile(u.profile) && canHoldCase(u.profile, ruolo, responsabili));
  const save = useDialogSave(onClose);
  useEffect(() => {
    void loadDirectory();
  }, []);
  return (
    <FormDialog
      open
      title={transfer ? `Trasferisci la cartella ${detail.numero}` : `Assegna un operatore alla cartella ${detail.numero}`}
      submitLabel={transfer ? 'Trasferisci' : 'Assegna'}
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => assignOperator({ id: detail.id, userId, ruolo, dal, motivo }))}
    >
      {transfer ? (
        <Typography>
          Il nuovo operatore responsabile subentra dalla data indicata: da quel giorno il precedente non accede più alla cartella. L’assegnazione precedente resta nello storico.
        </Typography>
      ) : null}
      <SelectField label="Operatore" value={userId} onChange={setUserId} error={fieldMessage(save.error, 'userId')}>
        <option value="">Scegli…</option>
        {offered.map((u) => (
          <option key={u.id} value={u.id}>
            {u.fullName} — {profileLabel(u.profile)}
          </option>
        ))}
      </SelectField>
      {transfer ? null : (
        <SelectField label="Ruolo" value={ruolo} onChange={(v) => setRuolo(v as RuoloOperatore)} error={fieldMessage(save.error, 'ruolo')}>
          {(Object.keys(RUOLI_OPERATORE) as RuoloOperatore[]).map((r) => (
            <option key={r} value={r}>
              {RUOLI_OPERATORE[r]}
            </option>
          ))}
        </SelectField>
      )}
      <DateField label="Dal" value={dal} onChange={setDal} required error={fieldMessage(save.error, 'dal')} />
      {transfer ? (
        <TextField
          label="Motivo del trasferimento"
          value={motivo}
          onChange={(e) => setMotivo(e.target.value)}
          required
          multiline
          minRows={2}
          error={Boolean(fieldMessage(save.error, 'motivo'))}
          helperText={fieldMessage(save.error, 'motivo') ?? 'Resta nello storico della cartella.'}
          slotProps={{ htmlInput: { maxLength: maxLength('cases.assign', 'motivo') } }}
        />
      ) : null}
    </FormDialog>
  );
}

export function EndAssignmentDialog({ caseId, assignment, onClose }: { caseId: string; assignment: Assignment; onClose: () => void }) {
  const [al, setAl] = useState(todayInRome());
  const save = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title={`Termina l’assegnazione di ${assignment.fullName}`}
      submitLabel="Termina assegnazione"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => endAssignment({ id: caseId, assignmentId: assignment.id, al }))}
    >
      <Typography>
        {RUOLI_OPERATORE[assignment.ruolo]} dal {formatDate(assignment.dal)}. L’assegnazione resta nello storico.
      </Typography>
      <DateField label="Al" value={al} onChange={setAl} required error={fieldMessage(save.error, 'al')} helperText="Da questo giorno l’operatore non accede più alla cartella" />
    </FormDialog>
  );
}
