import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { InterventionData } from '../../../shared/contracts/cases';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { EuroField } from '../../components/EuroField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { parseHours, useShares } from './amounts';
import { addDelivery, saveIntervention } from './store';
import { maxLength } from '../../api/limits';

type StatoIntervento = InterventionData['stato'];
export const STATI_INTERVENTO: Record<StatoIntervento, string> = { previsto: 'Previsto', attivo: 'Attivo', concluso: 'Concluso', annullato: 'Annullato' };

function hoursText(h: number | null): string {
  return h === null ? '' : String(h).replace('.', ',');
}

/** A planned service with its INPS/SIUSS prestazione code, period, amounts and monthly hours. */
export function InterventionDialog({ caseId, intervention, onClose }: { caseId: string; intervention: InterventionData | null; onClose: () => void }) {
  const i = intervention;
  const [codice, setCodice] = useState(i?.prestazioneCodice ?? '');
  const [descrizione, setDescrizione] = useState(i?.descrizione ?? '');
  const [dataInizio, setDataInizio] = useState(i?.dataInizio ?? todayInRome());
  const [dataFine, setDataFine] = useState(i?.dataFine ?? '');
  const { importo, setImporto, quotaEnte, setQuotaEnte, quotaUtente, setQuotaUtente, parse } = useShares({
    importoCents: i?.importoCents ?? null,
    quotaEnteCents: i?.quotaEnteCents ?? null,
    quotaUtenteCents: i?.quotaUtenteCents ?? null,
  });
  const [ore, setOre] = useState(hoursText(i?.oreMensili ?? null));
  const [stato, setStato] = useState<StatoIntervento>(i?.stato ?? 'attivo');
  const save = useDialogSave(onClose);

  const submit = () => {
    const amounts = parse();
    if (!amounts.ok) return save.setError(amounts.error);
    const oreMensili = parseHours(ore);
    if (oreMensili === undefined) return save.setError({ code: 'VALIDATION', field: 'oreMensili', message: 'Ore mensili: un numero, es. 12 o 12,5.' });
    void save.run(() =>
      saveIntervention({ ...(i ? { id: i.id } : {}), caseId, prestazioneCodice: codice, descrizione, dataInizio, dataFine: dataFine || null, ...amounts.cents, oreMensili, stato }),
    );
  };
  const err = (name: string) => fieldMessage(save.error, name);

  return (
    <FormDialog
      open
      title={i ? `Intervento ${i.prestazioneCodice}` : 'Nuovo intervento'}
      submitLabel="Salva intervento"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            label="Codice prestazione INPS"
            value={codice}
            onChange={(e) => setCodice(e.target.value.toUpperCase())}
            error={Boolean(err('prestazioneCodice'))}
            helperText={err('prestazioneCodice') ?? 'Nel formato A1.05.01'}
            slotProps={{ htmlInput: { maxLength: 8, spellCheck: false, 'aria-required': true } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 8 }}>
          <TextField
            label="Descrizione"
            value={descrizione}
            onChange={(e) => setDescrizione(e.target.value)}
            error={Boolean(err('descrizione'))}
            helperText={err('descrizione')}
            slotProps={{ htmlInput: { maxLength: maxLength('interventions.save', 'descrizione'), 'aria-required': true } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateField label="Data di inizio" value={dataInizio} onChange={setDataInizio} required error={err('dataInizio')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateField label="Data di fine" value={dataFine} onChange={setDataFine} error={err('dataFine')} helperText="Facoltativa" />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <SelectField label="Stato" value={stato} onChange={(v) => setStato(v as StatoIntervento)} error={err('stato')}>
            {(Object.keys(STATI_INTERVENTO) as StatoIntervento[]).map((s) => (
              <option key={s} value={s}>
                {STATI_INTERVENTO[s]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <EuroField label="Importo" value={importo} onChange={setImporto} error={err('importoCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <EuroField label="Quota ente" value={quotaEnte} onChange={setQuotaEnte} error={err('quotaEnteCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <EuroField label="Quota utente" value={quotaUtente} onChange={setQuotaUtente} error={err('quotaUtenteCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField
            label="Ore mensili"
            value={ore}
            onChange={(e) => setOre(e.target.value)}
            error={Boolean(err('oreMensili'))}
            helperText={err('oreMensili') ?? 'Es. 12,5'}
            slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 6 } }}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}

/** One delivery or payment of an intervention. */
export function DeliveryDialog({ intervention, onClose }: { intervention: InterventionData; onClose: () => void }) {
  const [data, setData] = useState(todayInRome());
  const { importo, setImporto, quotaEnte, setQuotaEnte, quotaUtente, setQuotaUtente, parse } = useShares(intervention);
  const [ore, setOre] = useState(hoursText(intervention.oreMensili));
  const [note, setNote] = useState('');
  const save = useDialogSave(onClose);

  const submit = () => {
    const amounts = parse();
    if (!amounts.ok) return save.setError(amounts.error);
    const hours = parseHours(ore);
    if (hours === undefined) return save.setError({ code: 'VALIDATION', field: 'ore', message: 'Ore: un numero, es. 12 o 12,5.' });
    void save.run(() => addDelivery({ interventionId: intervention.id, data, ...amounts.cents, ore: hours, note }));
  };
  const err = (name: string) => fieldMessage(save.error, name);

  return (
    <FormDialog
      open
      title={`Erogazione: ${intervention.prestazioneCodice} — ${intervention.descrizione}`}
      submitLabel="Aggiungi erogazione"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DateField label="Data" value={data} onChange={setData} required error={err('data')} />
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EuroField label="Importo" value={importo} onChange={setImporto} error={err('importoCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Ore"
            value={ore}
            onChange={(e) => setOre(e.target.value)}
            error={Boolean(err('ore'))}
            helperText={err('ore') ?? 'Ore erogate, es. 12,5'}
            slotProps={{ htmlInput: { inputMode: 'decimal', maxLength: 6 } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EuroField label="Quota ente" value={quotaEnte} onChange={setQuotaEnte} error={err('quotaEnteCents')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EuroField label="Quota utente" value={quotaUtente} onChange={setQuotaUtente} error={err('quotaUtenteCents')} />
        </Grid>
      </Grid>
      <TextField
        label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={Boolean(err('note'))}
        helperText={err('note')}
        slotProps={{ htmlInput: { maxLength: maxLength('interventions.addDelivery', 'note') } }}
      />
    </FormDialog>
  );
}
