import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/contracts';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { liveResource, type LiveState } from '../../api/live-resource';
import { receiveFile, sendFile } from '../../api/transfers';

export type DueItem = OutputOf<'dueItems.list'>[number];

/**
 * The case file on screen (FORBIDDEN here means "not assigned to you": the page offers the
 * emergency access), re-read when anything of a case file changes.
 */
const caseFile = liveResource<CaseDetailData, { id: string; summaryOnly: boolean }>({
  // `summaryOnly`: profiles without case.read (the coordinator) see header, states and operators.
  read: ({ id, summaryOnly }) => api.call(summaryOnly ? 'cases.summary' : 'cases.get', { id }),
  keyOf: (d) => d.id,
  keyString: (k) => k.id,
  tables: [
    'cases',
    'case_status_history',
    'case_operators',
    'diary_entries',
    'diary_versions',
    'diary_named_users',
    'pai',
    'pai_objectives',
    'interventions',
    'deliveries',
    'attachments',
    'accessi',
    'emergency_accesses',
    'account_notices',
  ],
});

export const useCasesStore = caseFile.useStore;
export const selectCase = (s: LiveState<CaseDetailData>) => s.data;
export const selectCaseError = (s: LiveState<CaseDetailData>) => s.error;

export async function loadCase(id: string, summaryOnly = false): Promise<void> {
  return caseFile.load({ id, summaryOnly });
}

function keep(detail: CaseDetailData): void {
  caseFile.keep(detail);
}

interface DueState {
  dueItems: DueItem[] | null;
  dueError: ShownError | null;
}

/** Home page: PAI reviews and ISEE expiring. */
export const useDueStore = create<DueState>(() => ({ dueItems: null, dueError: null }));
export const selectDueItems = (s: DueState) => s.dueItems;
export const selectDueError = (s: DueState) => s.dueError;

/** Forget the case on screen and the due items (the session ended). */
export function resetCases(): void {
  caseFile.reset();
  useDueStore.setState({ dueItems: null, dueError: null });
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
/** Sends the file in chunks, then files it in the case. */
export async function uploadAttachment(input: Omit<InputOf<'attachments.upload'>, 'uploadId'> & { file: Blob }, onProgress: (fraction: number) => void): Promise<void> {
  const { file, ...fields } = input;
  const uploadId = await sendFile(file, onProgress);
  keep(await api.call('attachments.upload', { ...fields, uploadId }));
}

export type AttachmentContent = Omit<OutputOf<'attachments.read'>, 'downloadId'> & { bytes: Uint8Array<ArrayBuffer> };

/** Opens an attachment (audited by the core) and pulls its content in chunks. */
export async function readAttachment(id: string): Promise<AttachmentContent> {
  const { downloadId, ...meta } = await api.call('attachments.read', { id });
  const bytes = await receiveFile(downloadId, meta.dimensione);
  return { ...meta, bytes };
}

export async function loadDueItems(): Promise<void> {
  try {
    useDueStore.setState({ dueItems: await api.call('dueItems.list', {}), dueError: null });
  } catch (error) {
    useDueStore.setState({ dueItems: null, dueError: toShownError(error) });
  }
}
