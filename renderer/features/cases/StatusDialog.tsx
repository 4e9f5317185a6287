import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { STATI, STATI_CON_MOTIVO, TRANSIZIONI, type StatoCartella } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { setCaseStatus } from './store';
import { maxLength } from '../../api/limits';

/** A change of state, among the transitions allowed from the current one, with date and reason. */
export function StatusDialog({ detail, onClose }: { detail: CaseDetailData; onClose: () => void }) {
  const options = TRANSIZIONI[detail.stato];
  const [stato, setStato] = useState<StatoCartella>(options[0] ?? detail.stato);
  const [data, setData] = useState(todayInRome());
  const [motivo, setMotivo] = useState('');
  const save = useDialogSave(onClose);
  const needsReason = STATI_CON_MOTIVO.includes(stato);
  return (
    <FormDialog
      open
      title={`Cambia stato della cartella ${detail.numero}`}
      submitLabel="Cambia stato"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => setCaseStatus({ id: detail.id, stato, data, motivo }))}
    >
      <Typography>
        Stato attuale: <strong>{STATI[detail.stato]}</strong>. Il cambio resta nello storico della cartella.
      </Typography>
      <SelectField label="Nuovo stato" value={stato} onChange={(v) => setStato(v as StatoCartella)} error={fieldMessage(save.error, 'stato')}>
        {options.map((s) => (
          <option key={s} value={s}>
            {s === 'aperto' && detail.stato === 'chiuso' ? 'Riaperto' : STATI[s]}
          </option>
        ))}
      </SelectField>
      <DateField label="Data" value={data} onChange={setData} required error={fieldMessage(save.error, 'data')} />
      <TextField
        label="Motivo"
        value={motivo}
        onChange={(e) => setMotivo(e.target.value)}
        multiline
        minRows={2}
        error={Boolean(fieldMessage(save.error, 'motivo'))}
        helperText={fieldMessage(save.error, 'motivo') ?? (needsReason ? 'Obbligatorio per questo stato' : 'Facoltativo')}
        slotProps={{ htmlInput: { maxLength: maxLength('cases.setStatus', 'motivo'), 'aria-required': needsReason } }}
      />
    </FormDialog>
  );
}
