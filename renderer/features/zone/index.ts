// What other features use from this one: they import it from here only.
export { ZoneTab } from './ZoneTab';
export { clearZone, loadZone, sedeName, selectZone, useZoneStore } from './store';
