// What other features use from this one: they import it from here only (Impostazioni's tabs).
export { RegistroTab } from './RegistroTab';
export { ScartoTab } from './ScartoTab';
