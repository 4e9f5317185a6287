import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { base64ToBytes, bytesToBase64 } from './file-data';

export type DueItem = OutputOf<'dueItems.list'>[number];

interface CasesState {
  /** The case file on screen, as the core last returned it. */
  detail: CaseDetailData | null;
  loading: boolean;
  /** FORBIDDEN here means "not assigned to you": the page offers the emergency access. */
  error: ShownError | null;
  dueItems: DueItem[] | null;
  dueError: ShownError | null;
}

export const useCasesStore = create<CasesState>(() => ({ detail: null, loading: false, error: null, dueItems: null, dueError: null }));

export const selectCase = (s: CasesState) => s.detail;
export const selectCaseLoading = (s: CasesState) => s.loading;
export const selectCaseError = (s: CasesState) => s.error;
export const selectDueItems = (s: CasesState) => s.dueItems;
export const selectDueError = (s: CasesState) => s.dueError;

const set = useCasesStore.setState;
let generation = 0;

/** Forget the case on screen and the due items (the session ended). */
export function resetCases(): void {
  generation++;
  set({ detail: null, loading: false, error: null, dueItems: null, dueError: null });
}

/** `summaryOnly`: profiles without case.read (the coordinator) see header, states and operators. */
export async function loadCase(id: string, summaryOnly = false): Promise<void> {
  const mine = ++generation;
  const current = useCasesStore.getState().detail;
  set({ loading: true, error: null, detail: current?.id === id ? current : null });
  try {
    const detail = await api.call(summaryOnly ? 'cases.summary' : 'cases.get', { id });
    if (mine === generation) set({ detail, loading: false });
  } catch (error) {
    if (mine === generation) set({ detail: null, loading: false, error: toShownError(error) });
  }
}

function keep(detail: CaseDetailData): void {
  generation++;
  set({ detail, loading: false, error: null });
}

// Mutations throw ApiError: the dialog that called them shows it and keeps what was typed.
export async function emergencyAccess(input: InputOf<'cases.emergencyAccess'>): Promise<void> {
  keep(await api.call('cases.emergencyAccess', input));
}
export async function updateCase(input: InputOf<'cases.update'>): Promise<void> {
  keep(await api.call('cases.update', input));
}
export async function setCaseStatus(input: InputOf<'cases.setStatus'>): Promise<void> {
  keep(await api.call('cases.setStatus', input));
}
export async function assignOperator(input: InputOf<'cases.assign'>): Promise<void> {
  keep(await api.call('cases.assign', input));
}
export async function endAssignment(input: InputOf<'cases.endAssignment'>): Promise<void> {
  keep(await api.call('cases.endAssignment', input));
}
export async function archiveCase(input: InputOf<'cases.archive'>): Promise<void> {
  keep(await api.call('cases.archive', input));
}
export async function createDiaryEntry(input: InputOf<'diary.create'>): Promise<void> {
  keep(await api.call('diary.create', input));
}
export async function updateDiaryEntry(input: InputOf<'diary.update'>): Promise<void> {
  keep(await api.call('diary.update', input));
}
export async function getDiaryEntry(id: string): Promise<OutputOf<'diary.get'>> {
  return api.call('diary.get', { id });
}
export async function savePai(input: InputOf<'pai.save'>): Promise<void> {
  keep(await api.call('pai.save', input));
}
export async function closePai(input: InputOf<'pai.close'>): Promise<void> {
  keep(await api.call('pai.close', input));
}
export async function saveIntervention(input: InputOf<'interventions.save'>): Promise<void> {
  keep(await api.call('interventions.save', input));
}
export async function addDelivery(input: InputOf<'interventions.addDelivery'>): Promise<void> {
  keep(await api.call('interventions.addDelivery', input));
}
/**
 * Sends the file in chunks (uploads.*: no message over 1 MiB in browser mode), then files it.
 * Reading a slice at a time also keeps the page from holding the whole file as base64.
 */
export async function uploadAttachment(
  input: Omit<InputOf<'attachments.upload'>, 'uploadId'> & { file: Blob },
  onProgress: (fraction: number) => void,
): Promise<void> {
  const { file, ...fields } = input;
  const { uploadId, chunkBytes } = await api.call('uploads.start', { size: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await api.call('uploads.chunk', { uploadId, offset, dataBase64: bytesToBase64(slice) });
    onProgress(Math.min(1, (offset + slice.length) / file.size));
  }
  keep(await api.call('attachments.upload', { ...fields, uploadId }));
}

export type AttachmentContent = Omit<OutputOf<'attachments.read'>, 'downloadId'> & { bytes: Uint8Array<ArrayBuffer> };

/** Opens an attachment (audited by the core) and pulls its content in chunks. */
export async function readAttachment(id: string): Promise<AttachmentContent> {
  const { downloadId, ...meta } = await api.call('attachments.read', { id });
  const bytes = new Uint8Array(meta.dimensione);
  let offset = 0;
  for (;;) {
    const chunk = await api.call('downloads.chunk', { downloadId, offset });
    const part = base64ToBytes(chunk.dataBase64);
    bytes.set(part, offset);
    offset += part.length;
    if (chunk.done) break;
  }
  return { ...meta, bytes };
}

export async function loadDueItems(): Promise<void> {
  try {
    set({ dueItems: await api.call('dueItems.list', {}), dueError: null });
  } catch (error) {
    set({ dueItems: null, dueError: toShownError(error) });
  }
}
