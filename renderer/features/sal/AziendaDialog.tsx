import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { InputOf } from '../../../shared/contracts';
import { AziendaFields } from '../../../shared/contracts/sal';
import { checkWithSchema, fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { selectZone, useZoneStore } from '../zone';
import { saveAzienda, type AziendaDetail } from './store';

type Fields = InputOf<'salAziende.save'>['fields'];

const EMPTY: Fields = {
  ragioneSociale: '',
  codice: '',
  comuneIstat: '',
  indirizzo: '',
  atecoCodice: '',
  atecoDescrizione: '',
  dipendentiTi: 0,
  referente: '',
  telefono: '',
  email: '',
  coopB: false,
  note: '',
};

function fromDetail(a: AziendaDetail): Fields {
  return {
    ragioneSociale: a.ragioneSociale,
    codice: a.codice,
    comuneIstat: a.comuneIstat,
    indirizzo: a.indirizzo,
    atecoCodice: a.atecoCodice,
    atecoDescrizione: a.atecoDescrizione,
    dipendentiTi: a.dipendentiTi,
    referente: a.referente,
    telefono: a.telefono,
    email: a.email,
    coopB: a.coopB,
    note: a.note,
  };
}

/** A host company or body: new, or the one given. Every field's problem is shown at once. */
export function AziendaDialog({ open, azienda, onClose, onSaved }: { open: boolean; azienda: AziendaDetail | null; onClose: () => void; onSaved: (id: string) => void }) {
  const zone = useZoneStore(selectZone);
  const [f, setF] = useState<Fields>(() => (azienda ? fromDetail(azienda) : EMPTY));
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((old) => ({ ...old, [key]: value }));
  const msg = (name: keyof Fields) => fieldMessage(error, name);

  const submit = async () => {
    const problem = checkWithSchema(AziendaFields, f, 'fields');
    if (problem) return setError(problem);
    setBusy(true);
    try {
      const { id } = await saveAzienda({ id: azienda?.id ?? null, fields: f });
      onSaved(id);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      title={azienda ? 'Modifica azienda' : 'Nuova azienda o ente ospitante'}
      submitLabel="Salva"
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="md"
    >
      <Grid container spacing={2} sx={{ mt: 0.5 }}>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            label="Ragione sociale"
            value={f.ragioneSociale}
            onChange={(e) => set('ragioneSociale', e.target.value)}
            error={Boolean(msg('ragioneSociale'))}
            helperText={msg('ragioneSociale')}
            required
            fullWidth
            autoFocus
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            label="Partita IVA o codice fiscale"
            value={f.codice}
            onChange={(e) => set('codice', e.target.value)}
            error={Boolean(msg('codice'))}
            helperText={msg('codice') ?? '11 cifre, o 16 caratteri per una ditta individuale'}
            required
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectField label="Comune della sede operativa" value={f.comuneIstat} onChange={(v) => set('comuneIstat', v)} error={msg('comuneIstat')}>
            <option value="">Scegli…</option>
            {zone?.comuni.map((c) => (
              <option key={c.istat} value={c.istat}>
                {c.nome}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            label="Indirizzo della sede operativa"
            value={f.indirizzo}
            onChange={(e) => set('indirizzo', e.target.value)}
            error={Boolean(msg('indirizzo'))}
            helperText={msg('indirizzo')}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField
            label="Codice ATECO"
            value={f.atecoCodice}
            onChange={(e) => set('atecoCodice', e.target.value.trim())}
            error={Boolean(msg('atecoCodice'))}
            helperText={msg('atecoCodice') ?? 'es. 56.10'}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="Settore (descrizione ATECO)" value={f.atecoDescrizione} onChange={(e) => set('atecoDescrizione', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField
            label="Dipendenti a tempo indeterminato"
            type="number"
            value={String(f.dipendentiTi)}
            onChange={(e) => set('dipendentiTi', Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
            error={Boolean(msg('dipendentiTi'))}
            helperText={msg('dipendentiTi') ?? 'Decide quanti tirocinanti può ospitare'}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Referente" value={f.referente} onChange={(e) => set('referente', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Telefono" value={f.telefono} onChange={(e) => set('telefono', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Email" value={f.email} onChange={(e) => set('email', e.target.value)} fullWidth />
        </Grid>
        <Grid size={12}>
          <FormControlLabel control={<Checkbox checked={f.coopB} onChange={(e) => set('coopB', e.target.checked)} />} label="Cooperativa sociale di tipo B" />
        </Grid>
        <Grid size={12}>
          <TextField label="Note" value={f.note} onChange={(e) => set('note', e.target.value)} multiline minRows={2} fullWidth />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
