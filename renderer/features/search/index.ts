// What other features use from this one: they import it from here only.
export { SearchBox } from './SearchBox';
export { SearchFiltersBar } from './SearchFiltersBar';
export { choicePath, personLine } from './SearchOption';
export { SearchPalette } from './SearchPalette';
export {
  type DirectoryUser,
  clearPageSearch,
  loadDirectory,
  openPalette,
  resetSearch,
  selectDirectory,
  selectFilters,
  selectQuery,
  setPageFilters,
  setPageQuery,
  useSearchStore,
} from './store';
