import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PaiData } from '../../../shared/contracts/cases';
import { ESITI_OBIETTIVO, ESITO_OBIETTIVO_CODES, TERMINE_CODES, TERMINI, type EsitoObiettivo, type Termine } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { formatDate } from '../../i18n/format';
import { closePai, savePai } from './store';
import { maxLength } from '../../api/limits';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { contract } from '../../../shared/contracts';

const OBJECTIVE = contract['pai.save'].input.shape.obiettivi.element.shape;
const OBJECTIVE_MAX = { descrizione: maxLengthOf(OBJECTIVE.descrizione), esitoNote: maxLengthOf(OBJECTIVE.esitoNote) };

interface Objective {
  key: number;
  id?: string;
  termine: Termine | '';
  descrizione: string;
  esito: EsitoObiettivo;
  esitoNote: string;
}

let nextKey = 1;
const blank = (): Objective => ({ key: nextKey++, termine: '', descrizione: '', esito: 'in_corso', esitoNote: '' });

function ObjectiveFields({
  index,
  o,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  o: Objective;
  error: ShownError | null;
  onChange: (o: Objective) => void;
  onRemove: (() => void) | null;
}) {
  const err = (name: string) => fieldMessage(error, `obiettivi.${index}.${name}`);
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 1, mt: 2 }}>
      <Typography component="legend" sx={{ px: 0.5, fontWeight: 600 }}>
        Obiettivo {index + 1}
      </Typography>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            label="Obiettivo"
            value={o.descrizione}
            onChange={(e) => onChange({ ...o, descrizione: e.target.value })}
            multiline
            error={Boolean(err('descrizione'))}
            helperText={err('descrizione')}
            slotProps={{ htmlInput: { maxLength: OBJECTIVE_MAX.descrizione, 'aria-required': true } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectField label="Termine" value={o.termine} onChange={(v) => onChange({ ...o, termine: v as Termine | '' })} error={err('termine')}>
            <option value="">Scegli…</option>
            {TERMINE_CODES.map((t) => (
              <option key={t} value={t}>
                {TERMINI[t]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <SelectField label="Esito" value={o.esito} onChange={(v) => onChange({ ...o, esito: v as EsitoObiettivo })} error={err('esito')}>
            {ESITO_OBIETTIVO_CODES.map((e) => (
              <option key={e} value={e}>
                {ESITI_OBIETTIVO[e]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: onRemove ? 6 : 8 }}>
          <TextField
            label="Note sull’esito"
            value={o.esitoNote}
            onChange={(e) => onChange({ ...o, esitoNote: e.target.value })}
            error={Boolean(err('esitoNote'))}
            helperText={err('esitoNote')}
            slotProps={{ htmlInput: { maxLength: OBJECTIVE_MAX.esitoNote } }}
          />
        </Grid>
        {onRemove ? (
          <Grid size={{ xs: 12, md: 2 }} sx={{ display: 'flex', alignItems: 'center' }}>
            <Button onClick={onRemove} aria-label={`Togli l’obiettivo ${index + 1}`}>
              Togli
            </Button>
          </Grid>
        ) : null}
      </Grid>
    </Box>
  );
}

/** A new PAI, or the review of the active one (objectives, outcomes, next review). */
export function PaiDialog({ caseId, pai, onClose }: { caseId: string; pai: PaiData | null; onClose: () => void }) {
  const [dataAvvio, setDataAvvio] = useState(pai?.dataAvvio ?? todayInRome());
  const [mesi, setMesi] = useState(String(pai?.revisioneMesi ?? 6));
  const [note, setNote] = useState(pai?.note ?? '');
  const [obiettivi, setObiettivi] = useState<Objective[]>(() => (pai ? pai.obiettivi.map((o) => ({ ...o, key: nextKey++ })) : [blank()]));
  const save = useDialogSave(onClose);

  const submit = () => {
    const revisioneMesi = /^\d{1,2}$/.test(mesi.trim()) ? Number(mesi.trim()) : NaN;
    if (Number.isNaN(revisioneMesi)) {
      save.setError({ code: 'VALIDATION', field: 'revisioneMesi', message: 'Revisione: indica ogni quanti mesi (da 1 a 24).' });
      return;
    }
    void save.run(() =>
      savePai({
        ...(pai ? { id: pai.id } : {}),
        caseId,
        dataAvvio,
        revisioneMesi,
        note,
        obiettivi: obiettivi.map((o) => ({ ...(o.id ? { id: o.id } : {}), termine: o.termine as Termine, descrizione: o.descrizione, esito: o.esito, esitoNote: o.esitoNote })),
      }),
    );
  };

  return (
    <FormDialog open title={pai ? 'Aggiorna il PAI' : 'Nuovo PAI'} submitLabel="Salva PAI" busy={save.busy} error={save.error} onClose={onClose} onSubmit={submit} maxWidth="md">
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateField label="Data di avvio" value={dataAvvio} onChange={setDataAvvio} required error={fieldMessage(save.error, 'dataAvvio')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Revisione ogni (mesi)"
            value={mesi}
            onChange={(e) => setMesi(e.target.value)}
            error={Boolean(fieldMessage(save.error, 'revisioneMesi'))}
            helperText={fieldMessage(save.error, 'revisioneMesi') ?? 'La prossima revisione è calcolata dalla data di avvio'}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2, 'aria-required': true } }}
          />
        </Grid>
      </Grid>
      <TextField
        label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: maxLength('pai.save', 'note') } }}
      />
      {obiettivi.map((o, i) => (
        <ObjectiveFields
          key={o.key}
          index={i}
          o={o}
          error={save.error}
          onChange={(next) => setObiettivi((list) => list.map((x) => (x.key === o.key ? next : x)))}
          onRemove={o.id || obiettivi.length === 1 ? null : () => setObiettivi((list) => list.filter((x) => x.key !== o.key))}
        />
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => setObiettivi((list) => [...list, blank()])} sx={{ mt: 2 }}>
        Aggiungi obiettivo
      </Button>
    </FormDialog>
  );
}

export function ClosePaiDialog({ pai, onClose }: { pai: PaiData; onClose: () => void }) {
  const [data, setData] = useState(todayInRome());
  const [note, setNote] = useState('');
  const save = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title="Chiudi il PAI"
      submitLabel="Chiudi PAI"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => closePai({ id: pai.id, data, note }))}
    >
      <Typography>Il PAI avviato il {formatDate(pai.dataAvvio)} resta consultabile nella cartella con i suoi obiettivi ed esiti.</Typography>
      <DateField label="Data di chiusura" value={data} onChange={setData} required error={fieldMessage(save.error, 'data')} />
      <TextField
        label="Note di chiusura"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={3}
        error={Boolean(fieldMessage(save.error, 'note'))}
        helperText={fieldMessage(save.error, 'note')}
        slotProps={{ htmlInput: { maxLength: maxLength('pai.close', 'note') } }}
      />
    </FormDialog>
  );
}
