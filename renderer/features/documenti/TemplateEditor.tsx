import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { fieldMessage, toShownError, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { href } from '../../router/hash-router';
import { MissingFields } from './LetterFields';
import { PdfPages } from './PdfPages';
import { PlaceholderPicker } from './PlaceholderPicker';
import { documentiPath } from './routes';
import { SampleRecordPicker } from './SampleRecordPicker';
import { listFields, restoreTemplate, saveTemplate, templates, versions, type FieldInfo, type Subject, type TemplateInfo, type TemplateVersionRow } from './store';
import { useSamplePreview } from './useSamplePreview';
import { VersionsList } from './VersionsList';

/** The editor once the template, its current version and the fields are known. */
function Editor({
  session,
  info,
  current,
  fields,
  onSaved,
}: {
  session: SessionInfoData;
  info: TemplateInfo;
  current: TemplateVersionRow;
  fields: FieldInfo[];
  onSaved: (versione: string) => void;
}) {
  const [titolo, setTitolo] = useState(current.titolo);
  const [sorgente, setSorgente] = useState(current.sorgente);
  const [record, setRecord] = useState<{ subject: Subject; label: string } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const preview = useSamplePreview(info.name, sorgente, record?.subject ?? null);
  const changed = sorgente !== current.sorgente || titolo !== current.titolo;

  const insert = (f: FieldInfo) => {
    const el = textRef.current;
    const token = `{{ ${f.campo} }}`;
    const start = el?.selectionStart ?? sorgente.length;
    const end = el?.selectionEnd ?? sorgente.length;
    setSorgente(sorgente.slice(0, start) + token + sorgente.slice(end));
    // The cursor goes after what was inserted, so the next pick follows it.
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await saveTemplate({ template: info.name, titolo, sorgente });
      onSaved(out.versione);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  const restore = async () => {
    setRestoring(true);
    setError(null);
    try {
      const out = await restoreTemplate(info.name);
      setConfirmRestore(false);
      onSaved(out.versione);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 1fr' }, gap: 3, alignItems: 'start', mb: 3 }}>
        <Stack spacing={2}>
          <ErrorAlert error={error} sx={{ mt: 0 }} />
          <TextField
            label="Titolo del documento"
            value={titolo}
            onChange={(e) => setTitolo(e.target.value)}
            error={Boolean(fieldMessage(error, 'titolo'))}
            helperText={fieldMessage(error, 'titolo')}
          />
          <TextField
            label="Testo del modello"
            value={sorgente}
            onChange={(e) => setSorgente(e.target.value)}
            multiline
            minRows={18}
            maxRows={40}
            inputRef={textRef}
            error={Boolean(fieldMessage(error, 'sorgente'))}
            helperText="HTML con i campi tra doppie graffe, es. {{ persona.cognome }}; le parti libere sono {{ libero.nome_della_parte }}."
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.9rem' } } }}
          />
          {preview.errori.length > 0 ? (
            <Alert severity="error" aria-label="Errori nel modello">
              <AlertTitle>Il modello non si può salvare così</AlertTitle>
              <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {preview.errori.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => void save()} loading={busy} disabled={!changed}>
              Salva nuova versione
            </Button>
            <Button
              onClick={() => {
                setSorgente(current.sorgente);
                setTitolo(current.titolo);
              }}
              disabled={!changed}
            >
              Annulla le modifiche
            </Button>
            <Button color="warning" onClick={() => setConfirmRestore(true)} disabled={!info.personalizzato}>
              Ripristina l’originale
            </Button>
          </Box>
        </Stack>
        <PlaceholderPicker fields={fields} soggetti={info.soggetti} destinatario={info.destinatario} onPick={insert} />
      </Box>
      <Section id="anteprima-modello" title="Anteprima">
        <SampleRecordPicker session={session} soggetti={info.soggetti} value={record} onChange={setRecord} />
        <ErrorAlert error={preview.error} />
        <Box sx={{ my: 1 }}>
          <MissingFields mancanti={preview.mancanti} />
        </Box>
        <Typography aria-live="polite" sx={{ mb: 1 }}>
          {preview.current ? 'Le pagine come usciranno dalla stampante.' : 'Aggiornamento dell’anteprima…'}
        </Typography>
        {preview.file ? (
          <PdfPages data={preview.file.bytes} label="Anteprima del modello" />
        ) : preview.current ? (
          <Typography color="text.secondary">Nessuna anteprima finché il modello ha errori.</Typography>
        ) : (
          <CircularProgress aria-label="Preparazione dell’anteprima" />
        )}
      </Section>
      <ConfirmDialog
        open={confirmRestore}
        title="Ripristinare il modello originale?"
        confirmLabel="Ripristina"
        busy={restoring}
        error={null}
        onConfirm={() => void restore()}
        onClose={() => setConfirmRestore(false)}
      >
        Il testo originale del programma torna a essere la versione in uso. Le versioni personalizzate restano nell’elenco e i documenti già stampati non cambiano.
      </ConfirmDialog>
    </>
  );
}

/** #/documenti/modelli/<nome>: the administrator edits a template, sees it print, keeps its versions. */
export function TemplateEditorPage({ session, name }: { session: SessionInfoData; name: string }) {
  const list = templates.useStore();
  const history = versions.useStore();
  const [fields, setFields] = useState<FieldInfo[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const info = list.data?.templates.find((t) => t.name === name);
  useEffect(() => {
    void templates.load('all');
    listFields().then(
      (out) => setFields(out.campi),
      (e: unknown) => setError(toShownError(e)),
    );
  }, []);
  useEffect(() => {
    if (info) void versions.load(info.name);
  }, [info]);
  const rows = history.data?.template === name ? history.data.versions : null;
  const current = rows?.find((v) => v.corrente);
  return (
    <>
      <PageTitle documentTitle="Modello di lettera" subtitle={info ? `${info.descrizione} Per destinatari ${info.destinatario === 'esterno' ? 'esterni' : 'interni'}.` : undefined}>
        {info ? `Modello: ${info.titolo}` : 'Modello di lettera'}
      </PageTitle>
      <Link href={href(documentiPath.modelli())} sx={{ display: 'inline-block', mb: 2 }}>
        Torna all’elenco dei modelli
      </Link>
      <ErrorAlert error={list.error ?? history.error ?? error} />
      {list.data && !info ? <Alert severity="error">Modello sconosciuto.</Alert> : null}
      {saved ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Salvata la versione <code>{saved.slice(0, 12)}</code>: le prossime stampe la useranno; i documenti già stampati restano con la loro.
        </Alert>
      ) : null}
      {info && current && fields ? (
        // Keyed by the current version: after a save or a restore the editor starts from it.
        <Editor key={current.versione} session={session} info={info} current={current} fields={fields} onSaved={setSaved} />
      ) : !error && !list.error && !history.error ? (
        <CircularProgress aria-label="Apertura del modello" />
      ) : null}
      {rows && info ? <VersionsList template={info.name} rows={rows} /> : null}
    </>
  );
}
