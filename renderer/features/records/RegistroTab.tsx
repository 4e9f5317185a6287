import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RegistroFieldsData } from '../../../shared/contracts/records';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { PdfPages, printPdf } from '../documenti';
import { loadRegistro, printRegistro, savePdf, saveRegistro, type PdfFile, type Registro } from './store';

const FIELDS: { key: keyof RegistroFieldsData; label: string; rows: number; help?: string }[] = [
  { key: 'titolare', label: 'Titolare del trattamento', rows: 1, help: 'Il Comune capofila, per la gestione associata' },
  { key: 'titolareContatti', label: 'Recapiti del titolare', rows: 2, help: 'Indirizzo, PEC, telefono' },
  { key: 'dpo', label: 'Responsabile della protezione dei dati (DPO)', rows: 1 },
  { key: 'dpoContatti', label: 'Recapiti del DPO', rows: 2 },
  { key: 'finalita', label: 'Finalità del trattamento', rows: 4 },
  { key: 'basiGiuridiche', label: 'Basi giuridiche', rows: 3 },
  { key: 'categorieInteressati', label: 'Categorie di interessati', rows: 3 },
  { key: 'categorieDati', label: 'Categorie di dati personali', rows: 3 },
  { key: 'destinatari', label: 'Categorie di destinatari', rows: 3 },
  { key: 'trasferimenti', label: 'Trasferimenti verso paesi terzi', rows: 2 },
  {
    key: 'misureAggiuntive',
    label: 'Altre misure di sicurezza (oltre a quelle del programma)',
    rows: 3,
    help: 'Es. armadi chiusi per i fascicoli cartacei, formazione del personale',
  },
];

/**
 * Impostazioni → Registro dei trattamenti (art. 30 GDPR): the parts the zone writes, the years a
 * closed case file is kept, the program's own measures as they will be printed, and the A4 PDF.
 */
export function RegistroTab() {
  const [registro, setRegistro] = useState<Registro | null>(null);
  const [fields, setFields] = useState<RegistroFieldsData | null>(null);
  const [anni, setAnni] = useState('');
  const [busy, setBusy] = useState<'salva' | 'stampa' | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pdf, setPdf] = useState<PdfFile | null>(null);

  useEffect(() => {
    loadRegistro().then(
      (r) => {
        setRegistro(r);
        setFields(r.fields);
        setAnni(String(r.conservazioneAnni));
      },
      (e: unknown) => setError(toShownError(e)),
    );
  }, []);

  const save = async () => {
    if (!fields) return;
    setBusy('salva');
    setError(null);
    setSaved(false);
    try {
      await saveRegistro({ fields, conservazioneAnni: Number(anni) });
      setRegistro(await loadRegistro());
      setSaved(true);
      setPdf(null);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };
  const print = async () => {
    setBusy('stampa');
    setError(null);
    try {
      setPdf(await printRegistro());
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  if (!registro || !fields) return error ? <ErrorAlert error={error} /> : <CircularProgress aria-label="Caricamento del registro dei trattamenti" />;
  return (
    <>
      <Section id="registro-trattamenti" title="Registro delle attività di trattamento (art. 30 GDPR)">
        <Typography sx={{ mb: 2 }}>
          Il registro si stampa su carta intestata della zona. I comuni contitolari, i termini di conservazione e le misure di sicurezza del programma sono compilati dal programma
          stesso.
        </Typography>
        <Box component="form" noValidate onSubmit={(e) => e.preventDefault()} sx={{ display: 'grid', gap: 2, maxWidth: 880 }}>
          {FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              value={fields[f.key]}
              onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })}
              multiline={f.rows > 1}
              minRows={f.rows}
              error={Boolean(fieldMessage(error, `fields.${f.key}`))}
              helperText={fieldMessage(error, `fields.${f.key}`) ?? f.help}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ))}
          <TextField
            label="Conservazione delle cartelle chiuse (anni)"
            value={anni}
            onChange={(e) => setAnni(e.target.value.replace(/\D/g, ''))}
            error={Boolean(fieldMessage(error, 'conservazioneAnni'))}
            helperText={fieldMessage(error, 'conservazioneAnni') ?? 'Dopo questo termine le cartelle chiuse sono proposte per lo scarto (Conservazione e scarto).'}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
            sx={{ maxWidth: 360 }}
          />
        </Box>
        <Typography variant="h3" sx={{ fontSize: '1.05rem', mt: 3, mb: 1 }}>
          Misure di sicurezza del programma
        </Typography>
        <Box component="ul" sx={{ mt: 0, maxWidth: 880 }}>
          {registro.misureProgramma.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </Box>
        <ErrorAlert error={error} />
        {saved ? (
          <Alert severity="success" role="status" sx={{ my: 2 }}>
            Registro dei trattamenti salvato.
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
          <Button variant="contained" onClick={() => void save()} loading={busy === 'salva'}>
            Salva
          </Button>
          <Button variant="outlined" onClick={() => void print()} loading={busy === 'stampa'}>
            Anteprima di stampa
          </Button>
        </Box>
      </Section>
      {pdf ? (
        <Section
          id="registro-pdf"
          title="Registro stampabile"
          actions={
            <>
              <Button variant="contained" onClick={() => void printPdf(pdf.bytes).catch((e: unknown) => setError(toShownError(e)))}>
                Stampa
              </Button>
              <Button onClick={() => savePdf(pdf)}>Salva PDF</Button>
            </>
          }
        >
          <PdfPages data={pdf.bytes} label="Registro delle attività di trattamento" maxWidth={620} />
        </Section>
      ) : null}
    </>
  );
}
