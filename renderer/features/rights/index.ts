// What other features use from this one: they import it from here only.
export { RightsPanel } from './RightsPanel';
export { resetRights, useRestricted } from './store';
