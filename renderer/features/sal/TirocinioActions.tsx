import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { todayInRome } from '../../../shared/domain/dates';
import { ESITI, ESITO_LABELS, MOTIVI_SOSPENSIONE, MOTIVO_SOSPENSIONE_LABELS, type Esito, type MotivoSospensione } from '../../../shared/domain/sal/regimi';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useDialogSave } from '../../components/useDialogSave';
import { SelectField } from '../../components/SelectField';
import { cessa, esito, proroga, sospendi } from './store';

export type TirocinioAction = 'proroga' | 'sospensione' | 'cessazione' | 'esito';

/** The four things that happen to a running tirocinio, each one dialog; the core checks the rules. */
export function TirocinioActionDialog({ action, id, onClose }: { action: TirocinioAction; id: string; onClose: () => void }) {
  const [data, setData] = useState(todayInRome());
  const [al, setAl] = useState('');
  const [motivo, setMotivo] = useState('');
  const [motivoSosp, setMotivoSosp] = useState<MotivoSospensione>('malattia');
  const [scelta, setScelta] = useState<Esito>('assunzione');
  const [contratto, setContratto] = useState('');
  const { busy, error, run: save } = useDialogSave(onClose);
  const run = () =>
    save(async () => {
      if (action === 'proroga') await proroga({ id, nuovaFine: data, motivo });
      if (action === 'sospensione') await sospendi({ id, sospensione: { dal: data, al, motivo: motivoSosp } });
      if (action === 'cessazione') await cessa({ id, data, motivo });
      if (action === 'esito') await esito({ id, esito: scelta, data, contratto });
    });
  const titles: Record<TirocinioAction, string> = { proroga: 'Proroga', sospensione: 'Sospensione', cessazione: 'Cessazione anticipata', esito: 'Esito del tirocinio' };
  return (
    <FormDialog open title={titles[action]} submitLabel="Registra" busy={busy} error={error} onClose={onClose} onSubmit={() => void run()}>
      <Stack spacing={2} sx={{ mt: 1 }}>
        {action === 'esito' ? (
          <SelectField label="Esito" value={scelta} onChange={(v) => setScelta(v as Esito)}>
            {ESITI.map((e) => (
              <option key={e} value={e}>
                {ESITO_LABELS[e]}
              </option>
            ))}
          </SelectField>
        ) : null}
        {action === 'sospensione' ? (
          <SelectField label="Motivo" value={motivoSosp} onChange={(v) => setMotivoSosp(v as MotivoSospensione)}>
            {MOTIVI_SOSPENSIONE.map((m) => (
              <option key={m} value={m}>
                {MOTIVO_SOSPENSIONE_LABELS[m]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <DateField
          label={{ proroga: 'Nuova fine', sospensione: 'Sospeso dal', cessazione: 'Data di cessazione', esito: 'Data dell’esito' }[action]}
          value={data}
          onChange={setData}
          error={fieldMessage(error, action === 'proroga' ? 'nuovaFine' : action === 'sospensione' ? 'sospensione.dal' : 'data')}
        />
        {action === 'sospensione' ? <DateField label="Sospeso fino al (compreso)" value={al} onChange={setAl} error={fieldMessage(error, 'sospensione.al')} /> : null}
        {action === 'esito' && scelta === 'assunzione' ? (
          <TextField
            label="Tipo di contratto"
            value={contratto}
            onChange={(e) => setContratto(e.target.value)}
            error={Boolean(fieldMessage(error, 'contratto'))}
            helperText={fieldMessage(error, 'contratto') ?? 'es. tempo determinato 12 mesi, part-time'}
          />
        ) : null}
        {action === 'proroga' || action === 'cessazione' ? (
          <TextField
            label="Motivo"
            value={motivo}
            onChange={(e) => setMotivo(e.target.value)}
            error={Boolean(fieldMessage(error, 'motivo'))}
            helperText={fieldMessage(error, 'motivo')}
            required
            multiline
            minRows={2}
          />
        ) : null}
      </Stack>
    </FormDialog>
  );
}
