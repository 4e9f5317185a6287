import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { MissingField, TemplateInfo } from './store';

/** The template's free-text parts («cosa portare», «testo della lettera»), prefilled with its defaults. */
export function FreePartsFields({
  parts,
  values,
  disabled,
  onChange,
}: {
  parts: TemplateInfo['parti'];
  values: Record<string, string>;
  disabled: boolean;
  onChange: (name: string, value: string) => void;
}) {
  if (parts.length === 0) return null;
  return (
    <Stack spacing={2} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 8 }}>Parti di testo libero</legend>
      {parts.map((p) => (
        <TextField
          key={p.nome}
          label={p.label}
          value={values[p.nome] ?? ''}
          onChange={(e) => onChange(p.nome, e.target.value)}
          multiline={p.multilinea}
          minRows={p.multilinea ? 3 : undefined}
          disabled={disabled}
          required={p.obbligatorio}
          error={p.obbligatorio && !(values[p.nome] ?? '').trim()}
          helperText={p.obbligatorio && !(values[p.nome] ?? '').trim() ? 'Da compilare prima di stampare.' : undefined}
        />
      ))}
    </Stack>
  );
}

export interface RecipientDraft {
  altro: boolean;
  nome: string;
  indirizzo: string;
}

/** The recipient is the record's person by default; another one (a school, a company) is typed here. */
export function RecipientFields({ draft, disabled, onChange }: { draft: RecipientDraft; disabled: boolean; onChange: (d: RecipientDraft) => void }) {
  return (
    <Stack spacing={2}>
      <FormControlLabel
        control={<Checkbox checked={draft.altro} onChange={(e) => onChange({ ...draft, altro: e.target.checked })} disabled={disabled} />}
        label="Indirizza a un altro destinatario (es. una scuola, un’azienda, un altro ente)"
      />
      {draft.altro ? (
        <>
          <TextField label="Destinatario" value={draft.nome} onChange={(e) => onChange({ ...draft, nome: e.target.value })} disabled={disabled} required />
          <TextField
            label="Indirizzo (una riga per volta, al massimo quattro)"
            value={draft.indirizzo}
            onChange={(e) => onChange({ ...draft, indirizzo: e.target.value })}
            multiline
            minRows={2}
            disabled={disabled}
            required
          />
        </>
      ) : null}
    </Stack>
  );
}

/** The recipient as the contract takes it: no `destinatario` for the record's own person. */
export function recipientInput(draft: RecipientDraft): { destinatario?: { nome: string; righe: string[] } } {
  if (!draft.altro) return {};
  const righe = draft.indirizzo
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { destinatario: { nome: draft.nome, righe } };
}

/** What the chosen record lacks for this letter: printing waits until each is filled or removed. */
export function MissingFields({ mancanti }: { mancanti: MissingField[] }) {
  if (mancanti.length === 0) return null;
  return (
    <Alert severity="warning" role="alert" aria-label="Dati mancanti">
      <AlertTitle>{mancanti.length === 1 ? 'Manca un dato: la stampa è bloccata' : `Mancano ${mancanti.length} dati: la stampa è bloccata`}</AlertTitle>
      <ul style={{ margin: '4px 0 8px', paddingLeft: '1.25rem' }}>
        {mancanti.map((m) => (
          <li key={m.campo}>
            <strong>{m.label}</strong> ({m.campo}): {m.motivo}
          </li>
        ))}
      </ul>
      Compila il dato nella scheda o nella cartella, oppure chiedi all’amministratore di toglierlo dal modello. Nell’anteprima il punto è segnato in evidenza.
    </Alert>
  );
}
