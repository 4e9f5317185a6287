// What other features use from this one: they import it from here only.
export { AccountNoticesDialog } from './AccountNoticesDialog';
export { NoticesReviewSection } from './NoticesReviewSection';
export { resetNotices } from './store';
