import { create } from 'zustand';
import type { NoticeData, ReviewNoticeData } from '../../../shared/contracts/notices';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

interface NoticesState {
  /** What administrators did to my account since I last looked. */
  mine: NoticeData[];
  /** The coordinator's review list. */
  review: ReviewNoticeData[] | null;
  reviewError: ShownError | null;
}

export const useNoticesStore = create<NoticesState>(() => ({ mine: [], review: null, reviewError: null }));
export const selectMine = (s: NoticesState) => s.mine;
export const selectReview = (s: NoticesState) => s.review;
export const selectReviewError = (s: NoticesState) => s.reviewError;

const set = useNoticesStore.setState;

export async function loadMyNotices(): Promise<void> {
  try {
    set({ mine: await api.call('notices.mine', {}) });
  } catch {
    // Shown again at the next login: nothing is lost by not showing it now.
    set({ mine: [] });
  }
}

export async function acknowledgeMyNotices(): Promise<void> {
  const ids = useNoticesStore.getState().mine.map((n) => n.id);
  if (ids.length > 0) await api.call('notices.markSeen', { ids });
  set({ mine: [] });
}

export async function loadReview(): Promise<void> {
  try {
    set({ review: await api.call('notices.review', {}), reviewError: null });
  } catch (error) {
    set({ review: null, reviewError: toShownError(error) });
  }
}

export async function markReviewed(id: string): Promise<void> {
  await api.call('notices.markReviewed', { id });
  await loadReview();
}

export async function decide(id: string, conferma: boolean): Promise<void> {
  await api.call('notices.decide', { id, conferma });
  await loadReview();
}

export function resetNotices(): void {
  set({ mine: [], review: null, reviewError: null });
}
