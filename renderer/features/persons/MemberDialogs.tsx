import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { PARENTELA_CODES, PARENTELE, type Parentela } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import type { PersonDetailData } from '../../../shared/contracts/persons';
import { removeMember, updateMember } from './store';

export type Member = NonNullable<PersonDetailData['household']>['members'][number];

export function ParentelaField({ value, onChange, error }: { value: string; onChange: (v: Parentela | '') => void; error?: string | undefined }) {
  return (
    <SelectField label="Parentela" value={value} onChange={(v) => onChange(v as Parentela | '')} error={error} helperText="Rispetto all’intestatario della scheda">
      <option value="">Scegli…</option>
      {PARENTELA_CODES.map((p) => (
        <option key={p} value={p}>
          {PARENTELE[p]}
        </option>
      ))}
    </SelectField>
  );
}

export function ConviventeField({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return <FormControlLabel control={<Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)} />} label="Convivente" />;
}

export function EditMemberDialog({ personId, member, onClose }: { personId: string; member: Member; onClose: () => void }) {
  const [parentela, setParentela] = useState<Parentela | ''>(member.parentela);
  const [convivente, setConvivente] = useState(member.convivente);
  const save = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title={`Componente: ${member.cognome} ${member.nome}`}
      submitLabel="Salva"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => updateMember({ personId, memberId: member.memberId, parentela: parentela as Parentela, convivente }))}
    >
      <ParentelaField value={parentela} onChange={setParentela} error={fieldMessage(save.error, 'parentela')} />
      <ConviventeField checked={convivente} onChange={setConvivente} />
    </FormDialog>
  );
}

export function RemoveMemberDialog({ personId, member, onClose }: { personId: string; member: Member; onClose: () => void }) {
  const [al, setAl] = useState(todayInRome());
  const save = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title={`Togli dal nucleo: ${member.cognome} ${member.nome}`}
      submitLabel="Togli dal nucleo"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => removeMember({ personId, memberId: member.memberId, al }))}
    >
      <Typography sx={{ mb: 1 }}>La persona non farà più parte del nucleo dalla data indicata. L’appartenenza resta nello storico: nulla viene cancellato.</Typography>
      <DateField label="Al" value={al} onChange={setAl} required error={fieldMessage(save.error, 'al')} helperText="Ultimo giorno nel nucleo" />
    </FormDialog>
  );
}
