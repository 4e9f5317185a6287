import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useDialogSave } from '../../components/useDialogSave';
import { addConvenzione, saveTutor, type AziendaDetail } from './store';

export function TutorDialog({ aziendaId, tutor, onClose }: { aziendaId: string; tutor: AziendaDetail['tutor'][number] | null; onClose: () => void }) {
  const [nome, setNome] = useState(tutor?.nome ?? '');
  const [ruolo, setRuolo] = useState(tutor?.ruolo ?? '');
  const [telefono, setTelefono] = useState(tutor?.telefono ?? '');
  const [email, setEmail] = useState(tutor?.email ?? '');
  const [attivo, setAttivo] = useState(tutor?.attivo ?? true);
  const { busy, error, run } = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title={tutor ? 'Modifica tutor aziendale' : 'Nuovo tutor aziendale'}
      submitLabel="Salva"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => void run(() => saveTutor({ aziendaId, id: tutor?.id ?? null, nome, ruolo, telefono, email, attivo }))}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <TextField
          label="Nome e cognome"
          value={nome}
          onChange={(e) => setNome(e.target.value)}
          error={Boolean(fieldMessage(error, 'nome'))}
          helperText={fieldMessage(error, 'nome')}
          required
          autoFocus
        />
        <TextField label="Ruolo in azienda" value={ruolo} onChange={(e) => setRuolo(e.target.value)} />
        <TextField label="Telefono" value={telefono} onChange={(e) => setTelefono(e.target.value)} />
        <TextField label="Email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <FormControlLabel control={<Checkbox checked={attivo} onChange={(e) => setAttivo(e.target.checked)} />} label="Ancora in servizio come tutor" />
      </Stack>
    </FormDialog>
  );
}

export function ConvenzioneDialog({ aziendaId, onClose }: { aziendaId: string; onClose: () => void }) {
  const [numero, setNumero] = useState('');
  const [data, setData] = useState('');
  const [scadenza, setScadenza] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title="Registra una convenzione"
      submitLabel="Registra"
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => void run(() => addConvenzione({ aziendaId, numero, data, scadenza }, file))}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <TextField
          label="Numero"
          value={numero}
          onChange={(e) => setNumero(e.target.value)}
          error={Boolean(fieldMessage(error, 'numero'))}
          helperText={fieldMessage(error, 'numero') ?? 'es. 12/2026'}
          required
          autoFocus
        />
        <DateField label="Data della convenzione" value={data} onChange={setData} error={fieldMessage(error, 'data')} />
        <DateField label="Scadenza" value={scadenza} onChange={setScadenza} error={fieldMessage(error, 'scadenza')} />
        <div>
          <Typography component="label" htmlFor="convenzione-pdf" sx={{ display: 'block', mb: 0.5 }}>
            PDF firmato (facoltativo: si conserva cifrato, come gli allegati delle cartelle)
          </Typography>
          <input id="convenzione-pdf" type="file" accept="application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {fieldMessage(error, 'uploadId') ? <Typography color="error">{fieldMessage(error, 'uploadId')}</Typography> : null}
        </div>
      </Stack>
    </FormDialog>
  );
}
