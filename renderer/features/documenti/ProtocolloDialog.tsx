import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { lettersContract } from '../../../shared/contracts/letters';
import { todayInRome } from '../../../shared/domain/dates';
import { checkWithSchema, fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { selectZone, useZoneStore } from '../zone';
import { recordProtocollo, type DocumentRow } from './store';

/**
 * The number and date the Comune's register gave the document, typed by the operator: the
 * program never invents them. At least 7 digits (0012345), the date not in the future.
 */
export function ProtocolloDialog({ doc, defaultRegistro, onClose }: { doc: DocumentRow; defaultRegistro: string; onClose: () => void }) {
  const zone = useZoneStore(selectZone);
  const [numero, setNumero] = useState(doc.protocolloNumero ?? '');
  const [data, setData] = useState(doc.protocolloData ?? todayInRome());
  const [registro, setRegistro] = useState(doc.protocolloRegistro ?? defaultRegistro);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useDialogSave(onClose);
  const submit = () => {
    const input = { id: doc.id, numero, data, registro, note };
    const problem = checkWithSchema(lettersContract['documents.recordProtocollo'].input, input);
    if (problem) return setError(problem);
    void run(() => recordProtocollo(input));
  };
  return (
    <FormDialog open title="Registra il protocollo" submitLabel="Registra" busy={busy} error={error} onSubmit={submit} onClose={onClose}>
      <Typography sx={{ mb: 2 }}>{doc.titolo}: riporta il numero e la data assegnati dal registro di protocollo del Comune. Le ristampe successive li riporteranno.</Typography>
      <Stack spacing={2}>
        <TextField
          label="Numero di protocollo"
          value={numero}
          onChange={(e) => setNumero(e.target.value)}
          error={Boolean(fieldMessage(error, 'numero'))}
          helperText={fieldMessage(error, 'numero') ?? 'Solo cifre, almeno 7 (es. 0012345).'}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'aria-required': true } }}
          autoFocus
        />
        <DateField label="Data di protocollo" value={data} onChange={setData} error={fieldMessage(error, 'data')} />
        <SelectField label="Registro (Comune)" value={registro} onChange={setRegistro} error={fieldMessage(error, 'registro')}>
          {(zone?.comuni ?? []).map((c) => (
            <option key={c.istat} value={c.istat}>
              {c.nome}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Note (facoltative)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={Boolean(fieldMessage(error, 'note'))}
          helperText={fieldMessage(error, 'note')}
        />
      </Stack>
    </FormDialog>
  );
}
