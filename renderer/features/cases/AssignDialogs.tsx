import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { RUOLI_OPERATORE, type RuoloOperatore } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { PROFILE_LABELS, PROFILES, type Profile } from '../../../shared/domain/permissions';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { formatDate } from '../../i18n/format';
import { loadDirectory, selectDirectory, useSearchStore } from '../search/store';
import type { Assignment } from './OperatorsPanel';
import { assignOperator, endAssignment } from './store';

function profileLabel(profile: string): string {
  return (PROFILES as readonly string[]).includes(profile) ? PROFILE_LABELS[profile as Profile] : profile;
}

/** Assign a colleague; with `transfer`, a new responsabile (the current one's period ends that day). */
export function AssignDialog({ detail, transfer, onClose }: { detail: CaseDetailData; transfer: boolean; onClose: () => void }) {
  const directory = useSearchStore(selectDirectory);
  const [userId, setUserId] = useState('');
  const [ruolo, setRuolo] = useState<RuoloOperatore>(transfer ? 'responsabile' : 'co_operatore');
  const [dal, setDal] = useState(todayInRome());
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
      onSubmit={() => void save.run(() => assignOperator({ id: detail.id, userId, ruolo, dal }))}
    >
      {transfer ? <Typography>Il nuovo operatore responsabile subentra dalla data indicata; l’assegnazione precedente resta nello storico.</Typography> : null}
      <SelectField label="Operatore" value={userId} onChange={setUserId} error={fieldMessage(save.error, 'userId')}>
        <option value="">Scegli…</option>
        {directory.map((u) => (
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
      <DateField label="Al" value={al} onChange={setAl} required error={fieldMessage(save.error, 'al')} helperText="Ultimo giorno dell’assegnazione" />
    </FormDialog>
  );
}
