// What other features use from this one: they import it from here only.
export { UsersTab } from './UsersTab';
