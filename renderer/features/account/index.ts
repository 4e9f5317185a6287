// What other features use from this one: they import it from here only.
export { AccountTab } from './AccountTab';
export { ForceChangePasswordPage } from './ForceChangePasswordPage';
