import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import { weeklyHours } from '../../../shared/domain/sal/indennita';
import { GIORNI, GIORNO_LABELS, REGIME_LABELS, REGIMI, type Regime } from '../../../shared/domain/sal/regimi';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { checkTirocinio, getAzienda, listAziende, saveTirocinio, type AziendaDetail } from './store';

type Fields = InputOf<'salTirocini.save'>['fields'];
type Check = OutputOf<'salTirocini.check'>;

const hoursOf = (text: string) => Number(text.replace(',', '.')) || 0;

/** A new tirocinio and its progetto formativo, checked against the rules as it is filled in. */
export function TirocinioDialog({
  beneficiarioId,
  aziendaId,
  tutorPromotoreId,
  onClose,
  onSaved,
}: {
  beneficiarioId: string;
  aziendaId: string | null;
  tutorPromotoreId: string;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [f, setF] = useState<Fields>({
    beneficiarioId,
    aziendaId: aziendaId ?? '',
    convenzioneId: '',
    regime: 'ordinario',
    obiettivi: '',
    mansione: '',
    sedeSvolgimento: '',
    tutorPromotoreId,
    tutorAziendaleId: null,
    oreSettimanali: 20,
    orario: { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 },
    inizio: '',
    fine: '',
    pagatoDa: 'Comune di Narni (Zona Sociale 11)',
    inail: '',
    rc: '',
    comunicazioneData: null,
    deroga: null,
  });
  const [aziende, setAziende] = useState<OutputOf<'salAziende.list'>['aziende']>([]);
  const [loadedHost, setHost] = useState<AziendaDetail | null>(null);
  const [lastCheck, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((old) => ({ ...old, [key]: value }));
  const msg = (name: string) => fieldMessage(error, name);

  useEffect(() => {
    void listAziende({ query: '', comuneIstat: null, ateco: '', perBeneficiarioId: null }).then((r) => setAziende(r.aziende));
  }, []);
  useEffect(() => {
    if (!f.aziendaId) return;
    let live = true;
    void getAzienda(f.aziendaId).then((a) => {
      if (!live) return;
      setHost(a);
      const valid = a.convenzioni.filter((c) => !c.scaduta);
      setF((old) => ({ ...old, convenzioneId: valid[0]?.id ?? a.convenzioni[0]?.id ?? '', tutorAziendaleId: a.tutor.find((t) => t.attivo)?.id ?? null }));
    });
    return () => {
      live = false;
    };
  }, [f.aziendaId]);
  // The rules, as the user types: the same check the core makes when saving.
  const ready = Boolean(f.aziendaId && f.convenzioneId && /^\d{4}-\d{2}-\d{2}$/.test(f.inizio) && /^\d{4}-\d{2}-\d{2}$/.test(f.fine) && f.mansione.trim());
  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(() => {
      checkTirocinio({ id: null, fields: f }).then(setCheck, () => setCheck(null));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [f, ready]);

  const host = loadedHost?.id === f.aziendaId ? loadedHost : null;
  const check = ready ? lastCheck : null;
  const derogabile = check?.breaches.find((b) => b.deroga) ?? null;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { id } = await saveTirocinio({ id: null, fields: f });
      onSaved(id);
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  const setDay = (g: (typeof GIORNI)[number], text: string) => {
    const orario = { ...f.orario, [g]: hoursOf(text) };
    setF((old) => ({ ...old, orario, oreSettimanali: weeklyHours(orario) }));
  };

  return (
    <FormDialog open title="Nuovo tirocinio" submitLabel="Salva il tirocinio" busy={busy} error={error} onSubmit={() => void submit()} onClose={onClose} maxWidth="md">
      <Grid container spacing={2} sx={{ mt: 0.5 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectField label="Azienda ospitante" value={f.aziendaId} onChange={(v) => set('aziendaId', v)} error={msg('aziendaId')}>
            <option value="">Scegli…</option>
            {aziende.map((a) => (
              <option key={a.id} value={a.id}>
                {a.ragioneSociale} ({a.comune})
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <SelectField
            label="Convenzione"
            value={f.convenzioneId}
            onChange={(v) => set('convenzioneId', v)}
            error={msg('convenzioneId')}
            helperText={host && host.convenzioni.length === 0 ? 'Registra prima una convenzione con l’azienda' : undefined}
          >
            <option value="">Scegli…</option>
            {host?.convenzioni.map((c) => (
              <option key={c.id} value={c.id}>
                n. {c.numero}, scade il {formatDate(c.scadenza)}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <SelectField label="Tutor aziendale" value={f.tutorAziendaleId ?? ''} onChange={(v) => set('tutorAziendaleId', v || null)} required={false}>
            <option value="">Non indicato</option>
            {host?.tutor.map((t) => (
              <option key={t.id} value={t.id}>
                {t.nome}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectField label="Regime" value={f.regime} onChange={(v) => set('regime', v as Regime)}>
            {REGIMI.map((r) => (
              <option key={r} value={r}>
                {REGIME_LABELS[r]}
              </option>
            ))}
          </SelectField>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Mansione"
            value={f.mansione}
            onChange={(e) => set('mansione', e.target.value)}
            error={Boolean(msg('mansione'))}
            helperText={msg('mansione')}
            required
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DateField label="Inizio" value={f.inizio} onChange={(v) => set('inizio', v)} error={msg('inizio')} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DateField label="Fine prevista" value={f.fine} onChange={(v) => set('fine', v)} error={msg('fine')} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="Sede di svolgimento" value={f.sedeSvolgimento} onChange={(e) => set('sedeSvolgimento', e.target.value)} fullWidth />
        </Grid>
        <Grid size={12}>
          <Typography component="p" sx={{ mb: 1 }}>
            Orario settimanale: {String(f.oreSettimanali).replace('.', ',')} ore
          </Typography>
          <Grid container spacing={1}>
            {GIORNI.map((g) => (
              <Grid key={g} size={{ xs: 4, sm: 12 / 7 }}>
                <TextField
                  label={GIORNO_LABELS[g]}
                  value={String(f.orario[g]).replace('.', ',')}
                  onChange={(e) => setDay(g, e.target.value)}
                  slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                  fullWidth
                />
              </Grid>
            ))}
          </Grid>
        </Grid>
        <Grid size={12}>
          <TextField label="Obiettivi del progetto formativo" value={f.obiettivi} onChange={(e) => set('obiettivi', e.target.value)} multiline minRows={2} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Chi paga l’indennità" value={f.pagatoDa} onChange={(e) => set('pagatoDa', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Posizione INAIL" value={f.inail} onChange={(e) => set('inail', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="Polizza RC" value={f.rc} onChange={(e) => set('rc', e.target.value)} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <DateField label="Comunicazione obbligatoria del" value={f.comunicazioneData ?? ''} onChange={(v) => set('comunicazioneData', v || null)} />
        </Grid>
        <Grid size={12} aria-live="polite">
          {check && check.breaches.length === 0 ? (
            <Alert severity="success">
              Rispetta le regole del regime: durata {check.durata}, fine il {formatDate(check.fineEffettiva)}.
            </Alert>
          ) : null}
          {check?.breaches.map((b) => (
            <Alert key={b.rule + b.message} severity={b.deroga ? 'warning' : 'error'} sx={{ mb: 1 }}>
              {b.message}
              {b.deroga ? ` Si può procedere solo con una deroga: ${b.deroga}.` : ''}
            </Alert>
          ))}
          {derogabile ? (
            <>
              <FormControlLabel
                control={<Checkbox checked={f.deroga !== null} onChange={(e) => set('deroga', e.target.checked ? { regola: derogabile.rule, motivo: '' } : null)} />}
                label={`Registra la deroga: ${derogabile.deroga ?? ''}`}
              />
              {f.deroga ? (
                <TextField
                  label="Motivo della deroga (es. estremi dell’attestazione)"
                  value={f.deroga.motivo}
                  onChange={(e) => set('deroga', { regola: derogabile.rule, motivo: e.target.value })}
                  fullWidth
                  required
                />
              ) : null}
            </>
          ) : null}
        </Grid>
      </Grid>
    </FormDialog>
  );
}
