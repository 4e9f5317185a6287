// What other features use from this one: they import it from here only.
export { SyncBanner } from './SyncBanner';
export { SyncTab } from './SyncTab';
export { resetSync } from './store';
