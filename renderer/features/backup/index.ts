// What other features use from this one: they import it from here only.
export { BackupBanner } from './BackupBanner';
export { BackupTab } from './BackupTab';
export { resetBackup } from './store';
