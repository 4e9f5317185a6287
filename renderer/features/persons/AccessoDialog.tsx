import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ESITI_ACCESSO, ESITO_ACCESSO_CODES, type EsitoAccesso } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { selectZone, useZoneStore } from '../zone';
import { createAccesso } from './store';
import { maxLength } from '../../api/limits';

/** Who came to the desk, sent by whom, why, and how it ended. */
export function AccessoDialog({ personId, defaultSedeId, onClose }: { personId: string; defaultSedeId: string | null; onClose: () => void }) {
  const zone = useZoneStore(selectZone);
  const sedi = zone?.sedi ?? [];
  const [data, setData] = useState(todayInRome());
  const [sedeId, setSedeId] = useState(defaultSedeId ?? sedi[0]?.id ?? '');
  const [inviatoDa, setInviatoDa] = useState('');
  const [motivo, setMotivo] = useState('');
  const [esito, setEsito] = useState<EsitoAccesso | ''>('');
  const [note, setNote] = useState('');
  const save = useDialogSave(onClose);
  const err = (name: string) => fieldMessage(save.error, name);

  return (
    <FormDialog
      open
      title="Registra accesso allo sportello"
      submitLabel="Registra accesso"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => createAccesso({ personId, data, sedeId, inviatoDa, motivo, esito: esito as EsitoAccesso, note }))}
    >
      <DateField label="Data" value={data} onChange={setData} required error={err('data')} />
      <SelectField label="Sede" value={sedeId} onChange={setSedeId} error={err('sedeId')}>
        {sedi.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nome}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Inviato da"
        value={inviatoDa}
        onChange={(e) => setInviatoDa(e.target.value)}
        error={Boolean(err('inviatoDa'))}
        helperText={err('inviatoDa') ?? 'Chi ha inviato o segnalato la persona: medico di base, scuola, parrocchia, accesso spontaneo…'}
        slotProps={{ htmlInput: { maxLength: maxLength('accessi.create', 'inviatoDa') } }}
      />
      <TextField
        label="Motivo"
        value={motivo}
        onChange={(e) => setMotivo(e.target.value)}
        multiline
        minRows={3}
        error={Boolean(err('motivo'))}
        helperText={err('motivo')}
        slotProps={{ htmlInput: { maxLength: maxLength('accessi.create', 'motivo'), 'aria-required': true } }}
      />
      <SelectField label="Esito" value={esito} onChange={(v) => setEsito(v as EsitoAccesso | '')} error={err('esito')}>
        <option value="">Scegli…</option>
        {ESITO_ACCESSO_CODES.map((e) => (
          <option key={e} value={e}>
            {ESITI_ACCESSO[e]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        error={Boolean(err('note'))}
        helperText={err('note')}
        slotProps={{ htmlInput: { maxLength: maxLength('accessi.create', 'note') } }}
      />
    </FormDialog>
  );
}
