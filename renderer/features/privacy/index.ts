// What other features use from this one: they import it from here only.
export { AccessReportTab } from './AccessReportTab';
export { EmergenciesTab } from './EmergenciesTab';
export { resetPrivacy } from './store';
