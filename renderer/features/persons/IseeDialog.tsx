import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ISEE_TIPI, ISEE_TIPO_CODES, type IseeTipo } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { EuroField } from '../../components/EuroField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { centsToInput, parseEuro } from '../../i18n/money';
import type { PersonDetailData } from '../../../shared/contracts/persons';
import { saveIsee } from './store';
import { maxLength } from '../../api/limits';

export type IseeData = PersonDetailData['isee'][number];

export function IseeDialog({ personId, isee, onClose }: { personId: string; isee: IseeData | null; onClose: () => void }) {
  const year = todayInRome().slice(0, 4);
  const [anno, setAnno] = useState(String(isee?.anno ?? year));
  const [tipo, setTipo] = useState<IseeTipo>(isee?.tipo ?? 'ordinario');
  const [iseeValue, setIseeValue] = useState(centsToInput(isee?.iseeCents ?? null));
  const [iseValue, setIseValue] = useState(centsToInput(isee?.iseCents ?? null));
  const [dsuProtocollo, setDsuProtocollo] = useState(isee?.dsuProtocollo ?? '');
  const [dsuData, setDsuData] = useState(isee?.dsuData ?? '');
  const [scadenza, setScadenza] = useState(isee?.scadenza ?? `${year}-12-31`);
  const save = useDialogSave(onClose);

  const submit = () => {
    const iseeCents = parseEuro(iseeValue);
    const iseCents = parseEuro(iseValue);
    if (iseeCents === undefined || iseeCents === null) {
      save.setError({
        code: 'VALIDATION',
        field: 'iseeCents',
        message: iseeCents === null ? 'Valore ISEE: campo obbligatorio.' : 'Valore ISEE: importo non valido (es. 1.234,56).',
      });
      return;
    }
    if (iseCents === undefined) {
      save.setError({ code: 'VALIDATION', field: 'iseCents', message: 'Valore ISE: importo non valido (es. 12.345,67).' });
      return;
    }
    const year = /^\d{4}$/.test(anno.trim()) ? Number(anno.trim()) : NaN;
    if (Number.isNaN(year)) {
      save.setError({ code: 'VALIDATION', field: 'anno', message: 'Anno: quattro cifre, es. 2026.' });
      return;
    }
    void save.run(() =>
      saveIsee({
        ...(isee ? { id: isee.id } : {}),
        personId,
        anno: year,
        tipo,
        iseeCents,
        iseCents,
        dsuProtocollo,
        dsuData: dsuData === '' ? null : dsuData,
        scadenza,
      }),
    );
  };

  const err = (name: string) => fieldMessage(save.error, name);
  return (
    <FormDialog open title={isee ? `ISEE ${isee.anno}` : 'Nuovo ISEE'} submitLabel="Salva ISEE" busy={save.busy} error={save.error} onClose={onClose} onSubmit={submit}>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            label="Anno"
            value={anno}
            onChange={(e) => setAnno(e.target.value)}
            error={Boolean(err('anno'))}
            helperText={err('anno')}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, 'aria-required': true } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 8 }}>
          <SelectField label="Tipo di ISEE" value={tipo} onChange={(v) => setTipo(v as IseeTipo)} error={err('tipo')}>
            {ISEE_TIPO_CODES.map((t) => (
              <option key={t} value={t}>
                {ISEE_TIPI[t]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EuroField label="Valore ISEE" value={iseeValue} onChange={setIseeValue} error={err('iseeCents')} required />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EuroField label="Valore ISE" value={iseValue} onChange={setIseValue} error={err('iseCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Protocollo DSU"
            value={dsuProtocollo}
            onChange={(e) => setDsuProtocollo(e.target.value)}
            error={Boolean(err('dsuProtocollo'))}
            helperText={err('dsuProtocollo') ?? 'Es. INPS-ISEE-2026-00012345A-00'}
            slotProps={{ htmlInput: { maxLength: maxLength('isee.save', 'dsuProtocollo') } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateField label="Data DSU" value={dsuData} onChange={setDsuData} error={err('dsuData')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateField label="Scadenza" value={scadenza} onChange={setScadenza} required error={err('scadenza')} helperText="L’ISEE ordinario scade il 31 dicembre" />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
