import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, IstatCode, Ok, isoDate, longText, optionalText, text } from './common';
import { Month } from './sal';
import { DOCUMENT_STATI, FREE_PART_RE, PROTOCOLLO_RE, RECIPIENT_KINDS, SUBJECT_KINDS, TEMPLATE_NAMES, WINDOW_PRESET_CODES } from '../domain/letters';

const TemplateName = z.enum(TEMPLATE_NAMES, { error: 'Modello di lettera sconosciuto.' });

/**
 * The record a letter is printed from: exactly one of the four ids. Flat optional fields (not a
 * union) so the router sees and checks each id like any other declared resource.
 */
const SubjectFields = {
  personId: Id.optional(),
  caseId: Id.optional(),
  appointmentId: Id.optional(),
  tirocinioId: Id.optional(),
  /** One occurrence of a recurring appointment (its date); the appointment's own date otherwise. */
  occurrenceDate: isoDate('Data dell’appuntamento').optional(),
  /** The month of a registro presenze ('YYYY-MM'); this month otherwise. */
  mese: Month.optional(),
};
const SUBJECT_RESOURCES = {
  personId: 'person:read',
  caseId: 'case:summary',
  appointmentId: 'appointment:letter',
  tirocinioId: 'salTirocinio:read',
} as const;

function exactlyOneSubject(value: { personId?: string; caseId?: string; appointmentId?: string; tirocinioId?: string }, ctx: z.RefinementCtx): void {
  const given = [value.personId, value.caseId, value.appointmentId, value.tirocinioId].filter((v) => v !== undefined).length;
  if (given !== 1) ctx.addIssue({ code: 'custom', message: 'Indica la persona, la cartella, l’appuntamento o il tirocinio per cui stampare.', path: ['personId'] });
}

/** Free-text parts by name (`libero.cosa_portare` in the template), as typed in the preview. */
const FreeParts = z
  .record(z.string().regex(FREE_PART_RE, { error: 'Parte di testo sconosciuta.' }), longText('Testo', 10_000))
  .refine((r) => Object.keys(r).length <= 20, { error: 'Troppe parti di testo.' })
  .default({});

/** An address typed by hand for a letter to someone other than the record's person (e.g. a school). */
const RecipientInput = z.strictObject({
  nome: text('Destinatario', 160),
  righe: z.array(text('Riga dell’indirizzo', 120)).min(1, { error: 'Indica almeno una riga dell’indirizzo.' }).max(4, { error: 'Al massimo quattro righe di indirizzo.' }),
});

const LetterInput = z
  .strictObject({
    template: TemplateName,
    ...SubjectFields,
    parti: FreeParts,
    destinatario: RecipientInput.optional(),
  })
  .superRefine(exactlyOneSubject);

export const Recipient = z.object({ nome: z.string(), righe: z.array(z.string()) });

/** A field a letter needs that is empty for the chosen record: printing waits until it is filled or removed. */
export const MissingField = z.object({ campo: z.string(), label: z.string(), motivo: z.string() });

export const FreePart = z.object({ nome: z.string(), label: z.string(), predefinito: z.string(), multilinea: z.boolean(), obbligatorio: z.boolean() });

export const TemplateSummary = z.object({
  name: z.enum(TEMPLATE_NAMES),
  titolo: z.string(),
  descrizione: z.string(),
  destinatario: z.enum(RECIPIENT_KINDS),
  /** The records it can be printed from. */
  soggetti: z.array(z.enum(SUBJECT_KINDS)),
  /** Placeholder names used by the current version (`persona.cognome`, …). */
  campi: z.array(z.string()),
  parti: z.array(FreePart),
  /** Current version: the SHA-256 of its source, recorded on every document printed with it. */
  versione: z.string(),
  /** The administrator changed it (the built-in original is restorable). */
  personalizzato: z.boolean(),
  /** Relazione sociale: only psicologi and assistenti sociali of the case. */
  riservato: z.boolean(),
});

export const FieldInfo = z.object({
  campo: z.string(),
  label: z.string(),
  gruppo: z.string(),
  /** Health, invalidità, diagnosis, riservato notes, ISEE: never in a letter addressed outside. */
  sensibile: z.boolean(),
  /** The records that provide it. */
  soggetti: z.array(z.enum(SUBJECT_KINDS)),
  esempio: z.string(),
});

export const Prepared = z.object({
  template: z.enum(TEMPLATE_NAMES),
  titolo: z.string(),
  versione: z.string(),
  /** A whole HTML document (letterhead, A4 CSS, bundled font) for a sandboxed frame: no script. */
  html: z.string(),
  mancanti: z.array(MissingField),
  destinatario: Recipient.nullable(),
  parti: z.array(FreePart),
});

export const DocumentSummary = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  caseNumero: z.string().nullable(),
  personId: z.string(),
  template: z.enum(TEMPLATE_NAMES),
  titolo: z.string(),
  versione: z.string(),
  stato: z.enum(DOCUMENT_STATI),
  destinatario: z.string(),
  protocolloNumero: z.string().nullable(),
  protocolloData: z.string().nullable(),
  protocolloRegistro: z.string().nullable(),
  /** A reprint names the document it reprints. */
  ristampaDi: z.string().nullable(),
  autore: z.string(),
  createdAt: z.string(),
  dimensione: z.number(),
  nomeFile: z.string(),
});

const FileOut = z.object({ nomeFile: z.string(), dimensione: z.number(), downloadId: z.string() });

export const SkippedItem = z.object({
  appointmentId: z.string(),
  ora: z.string(),
  /** The person's name only when the caller may see it; otherwise «persona non visibile». */
  persona: z.string(),
  motivo: z.string(),
});

export const TemplateVersion = z.object({
  versione: z.string(),
  sorgente: z.string(),
  titolo: z.string(),
  originale: z.boolean(),
  corrente: z.boolean(),
  autore: z.string(),
  createdAt: z.string(),
});

export const LettersSettings = z.object({
  finestra: z.enum(WINDOW_PRESET_CODES),
  /** The letterhead's logo as a data URL (PNG or JPEG), or null. */
  logo: z.string().nullable(),
  presets: z.array(z.object({ id: z.enum(WINDOW_PRESET_CODES), label: z.string(), top: z.number(), left: z.number(), width: z.number(), height: z.number() })),
});

const TemplateSource = z
  .string({ error: 'Testo del modello: campo obbligatorio.' })
  .max(100_000, { error: 'Testo del modello: massimo 100.000 caratteri.' })
  .transform((s) => s.replace(/\r\n/g, '\n'))
  .pipe(z.string().refine((s) => s.trim().length > 0, { error: 'Testo del modello: campo obbligatorio.' }));

const ProtocolloNumero = z
  .string({ error: 'Numero di protocollo: campo obbligatorio.' })
  .transform((s) => s.trim())
  .pipe(z.string().regex(PROTOCOLLO_RE, { error: 'Numero di protocollo: solo cifre, almeno 7 (es. 0012345), come lo assegna il registro del Comune.' }));

/**
 * Letters and filed documents. Rendering happens in the core, once: `letters.prepare` gives the
 * HTML to look at and what is missing (no write); `letters.previewPdf` the exact PDF (through
 * `downloads.chunk`, no write); `letters.issue` files the PDF in the case (encrypted, audited,
 * status bozza) and refuses while a field is missing. Every read of personal data is audited by
 * the router; printing is audited again by the service with the template version.
 */
export const lettersContract = {
  'letterTemplates.list': channel(z.strictObject({}), z.object({ templates: z.array(TemplateSummary) }), 'session'),
  'letterTemplates.fields': channel(z.strictObject({}), z.object({ campi: z.array(FieldInfo) }), 'session'),
  'letters.prepare': channel(LetterInput, Prepared, 'letters.print', SUBJECT_RESOURCES),
  /** The exact PDF of what `letters.issue` would file; nothing is stored. Missing fields print as a visible marker. */
  'letters.previewPdf': channel(LetterInput, FileOut.extend({ mancanti: z.array(MissingField) }), 'letters.print', SUBJECT_RESOURCES),
  /** The same letter as a .docx to edit in Word or LibreOffice; refused while a field is missing; nothing is stored. */
  'letters.docx': channel(LetterInput, FileOut, 'letters.print', SUBJECT_RESOURCES),
  'letters.issue': channel(LetterInput, FileOut.extend({ documentId: z.string() }), 'letters.print', SUBJECT_RESOURCES),
  /** One PDF with the letters for a sede's appointments on a day; progress as `progress` events (task `letters.batch`). */
  'letters.batch': channel(
    z.strictObject({ template: z.literal('convocazione', { error: 'In blocco si stampano solo le convocazioni.' }), sedeId: Id, data: isoDate('Data') }),
    z.object({ stampate: z.number(), saltati: z.array(SkippedItem), file: FileOut.nullable() }),
    'letters.print',
    { sedeId: 'sede' },
  ),
  'letterTemplates.versions': channel(z.strictObject({ template: TemplateName }), z.object({ versions: z.array(TemplateVersion) }), 'templates.manage'),
  /** Refused with the reasons: an unknown placeholder or filter, a sensitive field in an `esterno` template, a syntax error. */
  'letterTemplates.save': channel(
    z.strictObject({ template: TemplateName, titolo: text('Titolo', 160), sorgente: TemplateSource }),
    z.object({ versione: z.string() }),
    'templates.manage',
  ),
  'letterTemplates.restore': channel(z.strictObject({ template: TemplateName }), z.object({ versione: z.string() }), 'templates.manage'),
  /** The editor's live preview: sample data, or a chosen record (checked like any read); `sorgente` unsaved text. */
  'letterTemplates.sample': channel(
    z.strictObject({ template: TemplateName, sorgente: TemplateSource.optional(), ...SubjectFields, pdf: z.boolean().default(false) }),
    z.object({ html: z.string(), mancanti: z.array(MissingField), errori: z.array(z.string()), file: FileOut.nullable() }),
    'templates.manage',
    SUBJECT_RESOURCES,
  ),
  'letterSettings.get': channel(z.strictObject({}), LettersSettings, 'session'),
  'letterSettings.save': channel(z.strictObject({ finestra: z.enum(WINDOW_PRESET_CODES, { error: 'Scegli il tipo di busta.' }) }), Ok, 'zone.manage'),
  /** The letterhead's logo: a PNG or JPEG of at most 300 KB, checked by its content. */
  'letterSettings.saveLogo': channel(
    // Upload ids are the transfers' random UUIDs, not record ids.
    z.strictObject({ uploadId: z.uuid({ error: 'Caricamento non valido: riprova a caricare il file.' }) }),
    Ok,
    'zone.manage',
    { uploadId: 'transfer' },
  ),
  'letterSettings.removeLogo': channel(z.strictObject({}), Ok, 'zone.manage'),
  /** A page with the window's outline and rulers, to print and hold against an envelope. */
  'letterSettings.calibrationPdf': channel(z.strictObject({ finestra: z.enum(WINDOW_PRESET_CODES).optional() }), FileOut, 'session'),

  'documents.list': channel(
    z
      .strictObject({ caseId: Id.optional(), personId: Id.optional() })
      .refine((v) => (v.caseId === undefined) !== (v.personId === undefined), { error: 'Indica la cartella o la persona.' }),
    z.object({ documents: z.array(DocumentSummary) }),
    'letters.print',
    { caseId: 'case:summary', personId: 'person:read' },
  ),
  'documents.download': channel(z.strictObject({ id: Id }), FileOut, 'letters.print', { id: 'document:read' }),
  'documents.setStatus': channel(z.strictObject({ id: Id, stato: z.enum(DOCUMENT_STATI, { error: 'Stato del documento non valido.' }) }), DocumentSummary, 'letters.print', {
    id: 'document:write',
  }),
  /** Numbers come from the Comune's register, never from us: at least 7 digits, unique per register and year, date not in the future. */
  'documents.recordProtocollo': channel(
    z.strictObject({ id: Id, numero: ProtocolloNumero, data: isoDate('Data di protocollo'), registro: IstatCode, note: optionalText('Note', 300).default('') }),
    DocumentSummary,
    'protocol.write',
    { id: 'document:write' },
  ),
  /** A new PDF marked «RISTAMPA» with the protocol data, filed beside the original. */
  'documents.reprint': channel(z.strictObject({ id: Id }), FileOut.extend({ documentId: z.string() }), 'letters.print', { id: 'document:read' }),
};

export const lettersFeature = defineFeature('letters', { prefixes: ['letters', 'letterTemplates', 'letterSettings', 'documents'], channels: lettersContract });
