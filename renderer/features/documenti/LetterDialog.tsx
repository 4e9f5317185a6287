import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { RELAZIONE_PROFILES, type TemplateName } from '../../../shared/domain/letters';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocked } from '../../components/lock-context';
import { SelectField } from '../../components/SelectField';
import { FreePartsFields, MissingFields, RecipientFields, recipientInput, type RecipientDraft } from './LetterFields';
import { PdfPages } from './PdfPages';
import { printPdf } from './print-pdf';
import { issueLetter, saveLetterDocx, savePdf, subjectInput, templates, type LetterInput, type PdfFile, type Subject, type TemplateInfo } from './store';
import { useLetterPreview } from './useLetterPreview';

/** The templates that can be printed from this record by this profile (the core checks again). */
export function applicableTemplates(all: readonly TemplateInfo[], subject: Subject, session: SessionInfoData): TemplateInfo[] {
  const mayReserved = (RELAZIONE_PROFILES as readonly string[]).includes(session.user.profile);
  return all.filter((t) => t.soggetti.includes(subject.kind) && (!t.riservato || mayReserved));
}

function defaults(t: TemplateInfo): Record<string, string> {
  return Object.fromEntries(t.parti.map((p) => [p.nome, p.predefinito]));
}

/**
 * "Documento": choose a template, look at the PDF exactly as it will print, adjust the free text,
 * then print or save it; either files it in the case first (status bozza), with the template
 * version. While a field is missing nothing can be printed.
 */
export function LetterDialog({ subject, session, initial, onClose }: { subject: Subject; session: SessionInfoData; initial?: TemplateName; onClose: () => void }) {
  const titleId = useId();
  const locked = useLocked();
  const list = templates.useStore();
  useEffect(() => {
    void templates.load('all');
  }, []);
  const choices = useMemo(() => applicableTemplates(list.data?.templates ?? [], subject, session), [list.data, subject, session]);
  const [picked, setPicked] = useState<TemplateName | null>(null);
  // Until one is picked: the template asked for, else the first applicable one.
  const chosen = choices.find((t) => t.name === picked) ?? choices.find((t) => t.name === initial) ?? choices[0];
  // What was typed in each template's free parts: switching template and back keeps it.
  const [edits, setEdits] = useState<Partial<Record<TemplateName, Record<string, string>>>>({});
  const parti = chosen ? { ...defaults(chosen), ...edits[chosen.name] } : {};
  const [recipient, setRecipient] = useState<RecipientDraft>({ altro: false, nome: '', indirizzo: '' });
  const [issued, setIssued] = useState<PdfFile | null>(null);
  const [busy, setBusy] = useState<'stampa' | 'salva' | 'docx' | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const input: LetterInput | null = chosen ? { template: chosen.name, ...subjectInput(subject), parti, ...recipientInput(recipient) } : null;
  const preview = useLetterPreview(issued ? null : input);
  const partMissing = chosen?.parti.some((p) => p.obbligatorio && !(parti[p.nome] ?? '').trim()) ?? false;
  const blocked = !input || !preview.current || preview.mancanti.length > 0 || partMissing;

  const act = async (what: 'stampa' | 'salva') => {
    setBusy(what);
    setError(null);
    try {
      const file = issued ?? (input ? await issueLetter(input) : null);
      if (!file) return;
      setIssued(file);
      if (what === 'salva') savePdf(file);
      else await printPdf(file.bytes);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  /** A .docx to edit in Word or LibreOffice: the same text and data; nothing is filed. */
  const docx = async () => {
    if (!input) return;
    setBusy('docx');
    setError(null);
    try {
      await saveLetterDocx(input);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  const choose = (value: string) => setPicked(choices.find((c) => c.name === value)?.name ?? null);
  const editPart = (part: string, value: string) => {
    if (chosen) setEdits((e) => ({ ...e, [chosen.name]: { ...e[chosen.name], [part]: value } }));
  };

  return (
    <Dialog open={!locked} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xl" fullWidth>
      <DialogTitle id={titleId}>Documento</DialogTitle>
      <DialogContent>
        <ErrorAlert error={list.error ?? error} sx={{ mt: 0 }} />
        {list.loading && !list.data ? <CircularProgress aria-label="Caricamento dei modelli" /> : null}
        {list.data && choices.length === 0 ? <Alert severity="info">Nessun modello si può stampare da qui con il tuo profilo.</Alert> : null}
        {chosen ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(280px, 2fr) 3fr' }, gap: 3, alignItems: 'start' }}>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <SelectField label="Modello" value={chosen.name} onChange={choose} disabled={issued !== null}>
                {choices.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.titolo}
                  </option>
                ))}
              </SelectField>
              <Typography color="text.secondary">
                {chosen.descrizione} Versione <code title={chosen.versione}>{chosen.versione.slice(0, 12)}</code>
                {chosen.personalizzato ? ' (modificata dall’amministratore)' : ''}.
              </Typography>
              {chosen.destinatario === 'esterno' ? <Alert severity="info">Lettera per un destinatario esterno: non contiene dati sanitari, ISEE né note riservate.</Alert> : null}
              <FreePartsFields parts={chosen.parti} values={parti} disabled={issued !== null} onChange={editPart} />
              <RecipientFields draft={recipient} disabled={issued !== null} onChange={setRecipient} />
              <ErrorAlert error={preview.error} />
              <MissingFields mancanti={preview.mancanti} />
              {issued ? (
                <Alert severity="success" role="status">
                  Documento archiviato nella cartella come bozza ({issued.nomeFile}). Numero e data di protocollo si registrano dalla scheda Documenti della cartella.
                </Alert>
              ) : null}
            </Stack>
            {/* The pages scroll on their own (mouse or keyboard) while the choices stay in view. */}
            <Box
              role="region"
              aria-label="Anteprima di stampa"
              aria-busy={!preview.current && !issued}
              tabIndex={0}
              sx={{ maxHeight: { md: 'calc(100vh - 220px)' }, overflowY: { md: 'auto' }, '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}
            >
              <Typography sx={{ mb: 1 }} aria-live="polite">
                {issued ? 'Il documento archiviato.' : preview.current ? 'Anteprima: le pagine come usciranno dalla stampante.' : 'Aggiornamento dell’anteprima…'}
              </Typography>
              {issued ? <PdfPages data={issued.bytes} label="Documento archiviato" /> : preview.file ? <PdfPages data={preview.file.bytes} label="Anteprima" /> : null}
            </Box>
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, gap: 1, flexWrap: 'wrap' }}>
        <Button onClick={onClose} disabled={busy !== null}>
          {issued ? 'Chiudi' : 'Annulla'}
        </Button>
        <Button variant="outlined" onClick={() => void docx()} disabled={!input || (!issued && blocked) || busy !== null} loading={busy === 'docx'}>
          Scarica DOCX
        </Button>
        <Button variant="outlined" onClick={() => void act('salva')} disabled={!issued && blocked} loading={busy === 'salva'}>
          Salva PDF
        </Button>
        <Button variant="contained" onClick={() => void act('stampa')} disabled={!issued && blocked} loading={busy === 'stampa'}>
          Stampa
        </Button>
      </DialogActions>
    </Dialog>
  );
}
