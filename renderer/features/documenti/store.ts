import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { SubjectKind } from '../../../shared/domain/letters';
import { api } from '../../api/client';
import { downloadBytes } from '../../api/file-data';
import { liveResource } from '../../api/live-resource';
import { receiveFile, sendFile } from '../../api/transfers';

export type TemplateInfo = OutputOf<'letterTemplates.list'>['templates'][number];
export type FieldInfo = OutputOf<'letterTemplates.fields'>['campi'][number];
export type MissingField = OutputOf<'letters.prepare'>['mancanti'][number];
export type DocumentRow = OutputOf<'documents.list'>['documents'][number];
export type TemplateVersionRow = OutputOf<'letterTemplates.versions'>['versions'][number];
export type LettersSettingsData = OutputOf<'letterSettings.get'>;
export type BatchResult = OutputOf<'letters.batch'>;
export type LetterInput = InputOf<'letters.issue'>;

/** The record a letter is printed from, as the screens name it. */
export interface Subject {
  kind: SubjectKind;
  id: string;
  /** One occurrence of a recurring appointment. */
  occurrenceDate?: string;
  /** The month of a tirocinio's registro presenze ('YYYY-MM'). */
  mese?: string;
}

const SUBJECT_FIELD: Record<SubjectKind, 'personId' | 'caseId' | 'appointmentId' | 'tirocinioId'> = {
  persona: 'personId',
  cartella: 'caseId',
  appuntamento: 'appointmentId',
  tirocinio: 'tirocinioId',
};

/** `{ personId }`, `{ caseId }`, … : the one id field the contract expects for the subject. */
export function subjectInput(subject: Subject): Pick<LetterInput, 'personId' | 'caseId' | 'appointmentId' | 'tirocinioId' | 'occurrenceDate' | 'mese'> {
  return {
    [SUBJECT_FIELD[subject.kind]]: subject.id,
    ...(subject.occurrenceDate ? { occurrenceDate: subject.occurrenceDate } : {}),
    ...(subject.mese ? { mese: subject.mese } : {}),
  };
}

/** A PDF the core made (filed or not), pulled through downloads.chunk. */
export interface PdfFile {
  bytes: Uint8Array<ArrayBuffer>;
  nomeFile: string;
}

async function pull(file: { downloadId: string; dimensione: number; nomeFile: string }): Promise<PdfFile> {
  return { bytes: await receiveFile(file.downloadId, file.dimensione), nomeFile: file.nomeFile };
}

export function savePdf(file: PdfFile): void {
  downloadBytes(file.bytes, 'application/pdf', file.nomeFile);
}

const DOCUMENT_TABLES = ['documents'];
const TEMPLATE_TABLES = ['letter_template_versions', 'letter_template_heads'];

export const templates = liveResource<OutputOf<'letterTemplates.list'>, 'all'>({
  read: () => api.call('letterTemplates.list', {}),
  keyOf: () => 'all',
  keyString: () => 'all',
  tables: TEMPLATE_TABLES,
});

/** Whose documents a list shows: a case's, or all of a person's (those without a case too). */
export type DocumentScope = { caseId: string } | { personId: string };
export const scopeKey = (s: DocumentScope) => ('caseId' in s ? `cartella:${s.caseId}` : `persona:${s.personId}`);

export const documentsOf = liveResource<OutputOf<'documents.list'> & { key: string }, DocumentScope>({
  read: async (scope) => ({ ...(await api.call('documents.list', scope)), key: scopeKey(scope) }),
  keyOf: (d) => d.key,
  keyString: scopeKey,
  tables: DOCUMENT_TABLES,
});

export const versions = liveResource<OutputOf<'letterTemplates.versions'> & { template: string }, TemplateInfo['name']>({
  read: async (template) => ({ ...(await api.call('letterTemplates.versions', { template })), template }),
  keyOf: (d) => d.template,
  keyString: (t) => t,
  tables: TEMPLATE_TABLES,
});

export const settings = liveResource<LettersSettingsData, 'settings'>({
  read: () => api.call('letterSettings.get', {}),
  keyOf: () => 'settings',
  keyString: () => 'settings',
  tables: ['zone'],
});

/** The exact PDF `issue` would file, and what is still missing; nothing is stored. */
export async function previewLetter(input: LetterInput): Promise<PdfFile & { mancanti: MissingField[] }> {
  const out = await api.call('letters.previewPdf', input);
  return { ...(await pull(out)), mancanti: out.mancanti };
}

/** Files the letter in the case (bozza) and returns its PDF, to print or save. */
export async function issueLetter(input: LetterInput): Promise<PdfFile & { documentId: string }> {
  const out = await api.call('letters.issue', input);
  return { ...(await pull(out)), documentId: out.documentId };
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The same letter as a Word document to edit, saved where the browser saves; nothing is filed. */
export async function saveLetterDocx(input: LetterInput): Promise<void> {
  const file = await pull(await api.call('letters.docx', input));
  downloadBytes(file.bytes, DOCX_MIME, file.nomeFile);
}

/** The letterhead's logo: sent in chunks, checked by the core (PNG or JPEG, at most 300 KB). */
export async function saveLogo(file: Blob): Promise<void> {
  await api.call('letterSettings.saveLogo', { uploadId: await sendFile(file) });
}
export const removeLogo = () => api.call('letterSettings.removeLogo', {});

export async function downloadDocument(id: string): Promise<PdfFile> {
  return pull(await api.call('documents.download', { id }));
}

export async function reprintDocument(id: string): Promise<PdfFile & { documentId: string }> {
  const out = await api.call('documents.reprint', { id });
  return { ...(await pull(out)), documentId: out.documentId };
}

export async function runBatch(input: InputOf<'letters.batch'>): Promise<{ result: BatchResult; file: PdfFile | null }> {
  const result = await api.call('letters.batch', input);
  return { result, file: result.file ? await pull(result.file) : null };
}

export async function samplePdf(input: InputOf<'letterTemplates.sample'>): Promise<{ out: OutputOf<'letterTemplates.sample'>; file: PdfFile | null }> {
  const out = await api.call('letterTemplates.sample', { ...input, pdf: true });
  return { out, file: out.file ? await pull(out.file) : null };
}

export async function calibrationPdf(finestra: LettersSettingsData['finestra']): Promise<PdfFile> {
  return pull(await api.call('letterSettings.calibrationPdf', { finestra }));
}

export const setDocumentStatus = (input: InputOf<'documents.setStatus'>) => api.call('documents.setStatus', input);
export const recordProtocollo = (input: InputOf<'documents.recordProtocollo'>) => api.call('documents.recordProtocollo', input);
export const saveTemplate = (input: InputOf<'letterTemplates.save'>) => api.call('letterTemplates.save', input);
export const restoreTemplate = (template: TemplateInfo['name']) => api.call('letterTemplates.restore', { template });
export const saveSettings = (input: InputOf<'letterSettings.save'>) => api.call('letterSettings.save', input);
export const listFields = () => api.call('letterTemplates.fields', {});

export function resetDocumenti(): void {
  for (const r of [templates, documentsOf, versions, settings]) r.reset();
}
