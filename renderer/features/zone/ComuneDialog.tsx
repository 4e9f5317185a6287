import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ZoneData } from '../../../shared/contracts/zone';
import { fieldMessage } from '../../api/errors';
import { useDialogSave } from '../../components/useDialogSave';
import { FormDialog } from '../../components/FormDialog';
import { saveComune } from './store';
import { maxLength } from '../../api/limits';

type Comune = ZoneData['comuni'][number];

export function ComuneDialog({ comune, onClose }: { comune: Comune | null; onClose: (saved: boolean) => void }) {
  const [istat, setIstat] = useState(comune?.istat ?? '');
  const [catastale, setCatastale] = useState(comune?.catastale ?? '');
  const [nome, setNome] = useState(comune?.nome ?? '');
  const [provincia, setProvincia] = useState(comune?.provincia ?? 'TR');
  const save = useDialogSave(() => onClose(true));
  const submit = () => save.run(() => saveComune({ ...(comune ? { id: comune.id } : {}), istat: istat.trim(), catastale, nome, provincia }));
  const { busy, error } = save;

  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <FormDialog
      open
      title={comune ? `Modifica comune: ${comune.nome}` : 'Nuovo comune'}
      submitLabel={comune ? 'Salva il comune' : 'Aggiungi il comune'}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={() => onClose(false)}
    >
      <TextField
        label="Nome del comune"
        value={nome}
        onChange={(e) => setNome(e.target.value)}
        autoFocus
        slotProps={{ htmlInput: { maxLength: maxLength('zone.saveComune', 'nome') } }}
        {...invalid('nome')}
      />
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 5 }}>
          <TextField
            label="Codice ISTAT"
            value={istat}
            onChange={(e) => setIstat(e.target.value)}
            error={Boolean(fieldMessage(error, 'istat'))}
            helperText={fieldMessage(error, 'istat') ?? 'Sei cifre (es. 055022).'}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            label="Codice catastale"
            value={catastale}
            onChange={(e) => setCatastale(e.target.value)}
            error={Boolean(fieldMessage(error, 'catastale'))}
            helperText={fieldMessage(error, 'catastale') ?? 'Es. F844.'}
            slotProps={{ htmlInput: { maxLength: 4 } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField
            label="Provincia"
            value={provincia}
            onChange={(e) => setProvincia(e.target.value)}
            error={Boolean(fieldMessage(error, 'provincia'))}
            helperText={fieldMessage(error, 'provincia') ?? 'Sigla (es. TR).'}
            slotProps={{ htmlInput: { maxLength: 2 } }}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
