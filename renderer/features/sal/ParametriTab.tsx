import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import { REGIME_LABELS, REGIMI } from '../../../shared/domain/sal/regimi';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { formatEuro } from '../../i18n/money';
import { addParametri, parametri } from './store';

type Version = OutputOf<'salParametri.list'>['versions'][number];

function bands(v: Version): string {
  return v.fasce.map((f) => `${f.finoAOreSettimanali === null ? 'oltre' : `fino a ${f.finoAOreSettimanali} h`}: ${formatEuro(f.importoMensileCents)}`).join(' · ');
}

/**
 * Impostazioni → SAL: the rules and amounts of each regime, as dated versions with the text they
 * come from. A version is never edited: a change is a new version from a later date, and a
 * tirocinio is judged by the version in force on its start date.
 */
export function ParametriTab({ canEdit }: { canEdit: boolean }) {
  const { data, error } = parametri.useStore();
  const [adding, setAdding] = useState<Version | null>(null);
  useEffect(() => {
    void parametri.load('all');
  }, []);
  return (
    <>
      <ErrorAlert error={error} />
      {REGIMI.map((regime) => {
        const versions = (data?.versions ?? []).filter((v) => v.regime === regime);
        const latest = versions.at(-1);
        return (
          <Section
            key={regime}
            id={`parametri-${regime}`}
            title={REGIME_LABELS[regime]}
            actions={
              canEdit && latest ? (
                <Button startIcon={<AddOutlined />} onClick={() => setAdding(latest)}>
                  Nuova versione
                </Button>
              ) : null
            }
          >
            <Table size="small" aria-label={`Parametri: ${REGIME_LABELS[regime]}`}>
              <TableHead>
                <TableRow>
                  <TableCell>In vigore dal</TableCell>
                  <TableCell>Durata</TableCell>
                  <TableCell>Ore al giorno</TableCell>
                  <TableCell>Presenza minima</TableCell>
                  <TableCell>Indennità mensile</TableCell>
                  <TableCell>Fonte</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.map((v) => (
                  <TableRow key={v.id}>
                    <TableCell>{formatDate(v.validoDal)}</TableCell>
                    <TableCell>
                      da {v.durataMinMesi} a {v.durataMaxMesi} mesi{v.rinnovabileOltreMax ? ', rinnovabile con attestazione' : ''}
                    </TableCell>
                    <TableCell>fino a {v.oreMaxGiorno}</TableCell>
                    <TableCell>{v.sogliaPresenzaPercento}%</TableCell>
                    <TableCell>{bands(v)}</TableCell>
                    <TableCell sx={{ fontSize: '0.85rem' }}>{v.fonte}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        );
      })}
      {adding ? <NewVersionDialog from={adding} onClose={() => setAdding(null)} /> : null}
    </>
  );
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const cents = (text: string) => Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 100);

/** A new version starts from the latest one: the user changes what the new decision changes. */
function NewVersionDialog({ from, onClose }: { from: Version; onClose: () => void }) {
  const { id: _id, ...start } = from;
  const [v, setV] = useState<InputOf<'salParametri.add'>>({ ...start, validoDal: '', fonte: '' });
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const num = (key: 'durataMinMesi' | 'durataMaxMesi' | 'oreMaxGiorno' | 'sogliaPresenzaPercento', label: string) => (
    <TextField
      label={label}
      type="number"
      value={v[key]}
      onChange={(e) => setV({ ...v, [key]: Number(e.target.value) })}
      error={Boolean(fieldMessage(error, key))}
      helperText={fieldMessage(error, key)}
      fullWidth
    />
  );
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await addParametri(v);
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  return (
    <FormDialog
      open
      title={`Nuova versione: ${REGIME_LABELS[v.regime]}`}
      submitLabel="Salva la versione"
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
      maxWidth="md"
    >
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Vale per i tirocini che iniziano da quella data; quelli già iniziati restano giudicati con la versione precedente.
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <DateField label="In vigore dal" value={v.validoDal} onChange={(d) => setV({ ...v, validoDal: d })} error={fieldMessage(error, 'validoDal')} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField
            label="Fonte (delibera, linee guida)"
            value={v.fonte}
            onChange={(e) => setV({ ...v, fonte: e.target.value })}
            error={Boolean(fieldMessage(error, 'fonte'))}
            helperText={fieldMessage(error, 'fonte')}
            required
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>{num('durataMinMesi', 'Durata minima (mesi)')}</Grid>
        <Grid size={{ xs: 6, md: 3 }}>{num('durataMaxMesi', 'Durata massima (mesi)')}</Grid>
        <Grid size={{ xs: 6, md: 3 }}>{num('oreMaxGiorno', 'Ore massime al giorno')}</Grid>
        <Grid size={{ xs: 6, md: 3 }}>{num('sogliaPresenzaPercento', 'Presenza minima (%)')}</Grid>
        {v.fasce.map((f, i) => (
          <Grid key={i} size={{ xs: 12, md: 4 }}>
            <TextField
              label={f.finoAOreSettimanali === null ? 'Indennità oltre (€ al mese)' : `Indennità fino a ${f.finoAOreSettimanali} h settimanali (€ al mese)`}
              defaultValue={euros(f.importoMensileCents)}
              onChange={(e) => setV({ ...v, fasce: v.fasce.map((x, j) => (j === i ? { ...x, importoMensileCents: cents(e.target.value) } : x)) })}
              fullWidth
            />
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectField label="Rinnovabile oltre la durata massima" value={v.rinnovabileOltreMax ? 'si' : 'no'} onChange={(x) => setV({ ...v, rinnovabileOltreMax: x === 'si' })}>
            <option value="no">No</option>
            <option value="si">Sì, con attestazione del servizio</option>
          </SelectField>
        </Grid>
      </Grid>
    </FormDialog>
  );
}
