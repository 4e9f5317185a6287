// What other features use from this one: they import it from here only.
export { SetupWizard } from './SetupWizard';
