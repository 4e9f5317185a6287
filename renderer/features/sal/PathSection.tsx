import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { todayInRome } from '../../../shared/domain/dates';
import { ATTIVITA, ATTIVITA_LABELS, FASE_LABELS, FASI, type Attivita, type Fase } from '../../../shared/domain/sal/fasi';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useDialogSave } from '../../components/useDialogSave';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { addActivity, setConsent, setPhase, type BeneficiarioDetail } from './store';

const CONSENTS = [
  { ambito: 'condivisione_azienda', label: 'Condividere con l’azienda ospitante i dati necessari al tirocinio' },
  { ambito: 'invalidita', label: 'Comunicare all’azienda la percentuale di invalidità' },
  { ambito: 'diagnosi', label: 'Comunicare all’azienda la diagnosi' },
] as const;

/** The path: phases in SISO order, the activities recorded, and what the person consented to share. */
export function PathSection({ b, canWrite }: { b: BeneficiarioDetail; canWrite: boolean }) {
  const [dialog, setDialog] = useState<'fase' | 'attivita' | null>(null);
  const current = b.fasi.at(-1)?.fase ?? null;
  const next = FASI[current ? FASI.indexOf(current) + 1 : 0] ?? null;
  const consentError = useDialogSave(() => undefined);
  return (
    <>
      <Section
        id="sal-percorso"
        title="Percorso"
        actions={
          canWrite ? (
            <>
              <Button onClick={() => setDialog('attivita')}>Registra attività</Button>
              {next ? <Button onClick={() => setDialog('fase')}>Passa alla fase successiva</Button> : null}
            </>
          ) : null
        }
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
          <div>
            <Typography variant="h3" sx={{ fontSize: '1.05rem' }}>
              Fasi
            </Typography>
            <List dense>
              {b.fasi.map((f) => (
                <ListItem key={f.id} disableGutters>
                  <ListItemText
                    primary={FASE_LABELS[f.fase]}
                    secondary={`dal ${formatDate(f.dal)}${f.al ? ` al ${formatDate(f.al)}` : ' (in corso)'}${f.note ? ` · ${f.note}` : ''}`}
                  />
                </ListItem>
              ))}
            </List>
          </div>
          <div>
            <Typography variant="h3" sx={{ fontSize: '1.05rem' }}>
              Attività
            </Typography>
            {b.attivita.length === 0 ? <Typography color="text.secondary">Nessuna attività registrata.</Typography> : null}
            <List dense>
              {b.attivita.map((a) => (
                <ListItem key={a.id} disableGutters>
                  <ListItemText primary={`${formatDate(a.data)} · ${ATTIVITA_LABELS[a.tipo]}`} secondary={[a.note, a.autore].filter(Boolean).join(' · ')} />
                </ListItem>
              ))}
            </List>
          </div>
        </Stack>
      </Section>
      <Section id="sal-consensi" title="Consensi della persona">
        <Typography sx={{ mb: 1 }} color="text.secondary">
          Senza consenso, all’azienda non si comunica nulla oltre ai dati del progetto formativo.
        </Typography>
        {consentError.error ? <Typography color="error">{consentError.error.message}</Typography> : null}
        <List dense>
          {CONSENTS.map((c) => {
            const given = b.consensi.find((k) => k.ambito === c.ambito && k.revocatoIl === null);
            return (
              <ListItem
                key={c.ambito}
                disableGutters
                secondaryAction={
                  canWrite ? (
                    <Button onClick={() => void consentError.run(() => setConsent({ id: b.id, ambito: c.ambito, azione: given ? 'revocato' : 'dato', data: todayInRome() }))}>
                      {given ? 'Revoca' : 'Registra il consenso'}
                    </Button>
                  ) : null
                }
              >
                <ListItemText primary={c.label} secondary={given ? `Dato il ${formatDate(given.datoIl)}` : 'Non dato'} />
              </ListItem>
            );
          })}
        </List>
      </Section>
      {dialog === 'fase' && next ? <PhaseDialog id={b.id} initial={next} onClose={() => setDialog(null)} /> : null}
      {dialog === 'attivita' ? <ActivityDialog id={b.id} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function PhaseDialog({ id, initial, onClose }: { id: string; initial: Fase; onClose: () => void }) {
  const [fase, setFase] = useState<Fase>(initial);
  const [dal, setDal] = useState(todayInRome());
  const [note, setNote] = useState('');
  const { busy, error, run } = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title="Passa a una nuova fase"
      submitLabel="Conferma"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => void run(() => setPhase({ id, fase, dal, note }))}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <SelectField label="Fase" value={fase} onChange={(v) => setFase(v as Fase)} error={fieldMessage(error, 'fase')}>
          {FASI.slice(FASI.indexOf(initial)).map((f) => (
            <option key={f} value={f}>
              {FASE_LABELS[f]}
            </option>
          ))}
        </SelectField>
        <DateField label="Dal" value={dal} onChange={setDal} error={fieldMessage(error, 'dal')} />
        <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Stack>
    </FormDialog>
  );
}

function ActivityDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const [tipo, setTipo] = useState<Attivita>('colloquio_accoglienza');
  const [data, setData] = useState(todayInRome());
  const [note, setNote] = useState('');
  const { busy, error, run } = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title="Registra un’attività"
      submitLabel="Registra"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => void run(() => addActivity({ id, tipo, data, note }))}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <SelectField label="Attività" value={tipo} onChange={(v) => setTipo(v as Attivita)}>
          {ATTIVITA.map((a) => (
            <option key={a} value={a}>
              {ATTIVITA_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <DateField label="Data" value={data} onChange={setData} error={fieldMessage(error, 'data')} />
        <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} />
      </Stack>
    </FormDialog>
  );
}
