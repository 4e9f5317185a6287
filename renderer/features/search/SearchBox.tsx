import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchOptionContent, type SearchChoice } from './SearchOption';
import { hasCriteria, NO_FILTERS, type SearchFilters } from './store';
import { useSearchResults } from './useSearchResults';
import { maxLength } from '../../api/limits';

export const SEARCH_LABEL = 'Cerca persone e cartelle';

/**
 * One box over surname, name, codice fiscale, address and case number, with the results below
 * it as a list box (ARIA combobox): arrows move, Enter opens, Esc leaves. Each person is an
 * option and so is each of their case files, unless `personsOnly` (picking a person).
 */
export function SearchBox({
  query,
  onQueryChange,
  onChoose,
  filters = NO_FILTERS,
  label = SEARCH_LABEL,
  personsOnly = false,
  autoFocus = false,
  onEscape,
  listMaxHeight,
  children,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  onChoose: (choice: SearchChoice) => void;
  filters?: SearchFilters;
  label?: string;
  personsOnly?: boolean;
  autoFocus?: boolean;
  onEscape?: () => void;
  listMaxHeight?: number | string;
  /** Shown between the box and the results (the page's filters). */
  children?: ReactNode;
}) {
  const listId = useId();
  const statusId = useId();
  const search = useSearchResults(query, filters);
  const [active, setActive] = useState(-1);

  const options = useMemo(() => {
    const list: SearchChoice[] = [];
    for (const person of search.results) {
      list.push({ kind: 'person', person });
      if (!personsOnly) for (const caseSummary of person.cases) list.push({ kind: 'case', person, caseSummary });
    }
    return list;
  }, [search.results, personsOnly]);

  const optionId = (i: number) => `${listId}-${i}`;
  const current = active >= 0 && active < options.length ? active : -1;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = current === -1 ? (step === 1 ? 0 : options.length - 1) : (current + step + options.length) % options.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = options[current === -1 ? 0 : current];
      if (choice) onChoose(choice);
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    }
  };

  const searching = hasCriteria(query, filters);
  const settled = search.settled;
  let status = '';
  if (searching && settled && !search.error) {
    const n = search.results.length;
    status = n === 0 ? 'Nessuna persona trovata.' : `${n === 1 ? '1 persona trovata' : `${n} persone trovate`}${search.more ? ': ce ne sono altre, affina la ricerca.' : '.'}`;
  }

  return (
    <Box>
      <TextField
        label={label}
        value={query}
        onChange={(e) => {
          setActive(-1);
          onQueryChange(e.target.value);
        }}
        autoFocus={autoFocus}
        autoComplete="off"
        helperText="Cognome, nome, codice fiscale, indirizzo o numero di cartella. Frecce per scorrere, Invio per aprire."
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchOutlined aria-hidden />
              </InputAdornment>
            ),
            endAdornment: search.loading ? <CircularProgress size={20} aria-label="Ricerca in corso" /> : null,
          },
          htmlInput: {
            role: 'combobox',
            'aria-autocomplete': 'list',
            'aria-expanded': options.length > 0,
            'aria-controls': listId,
            'aria-activedescendant': current === -1 ? undefined : optionId(current),
            'aria-describedby': statusId,
            spellCheck: false,
            maxLength: maxLength('persons.search', 'query'),
            type: 'search',
          },
        }}
        onKeyDown={onKeyDown}
      />
      {children}
      <ErrorAlert error={search.error} />
      <Typography id={statusId} role="status" sx={{ fontSize: '0.9rem', color: 'text.secondary', minHeight: '1.5em' }}>
        {status}
      </Typography>
      <Box
        component="ul"
        id={listId}
        role="listbox"
        aria-label="Risultati della ricerca"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          maxHeight: listMaxHeight,
          overflowY: listMaxHeight ? 'auto' : undefined,
          border: options.length > 0 ? 1 : 0,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'background.paper',
        }}
      >
        {options.map((choice, i) => (
          <Box
            component="li"
            key={choice.kind === 'person' ? `p-${choice.person.id}` : `c-${choice.caseSummary.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChoose(choice)}
            onMouseEnter={() => setActive(i)}
            sx={{
              px: 2,
              py: 1,
              cursor: 'pointer',
              borderTop: i === 0 || choice.kind === 'case' ? 0 : 1,
              borderColor: 'divider',
              bgcolor: i === current ? 'rgba(0,102,204,0.12)' : undefined,
              boxShadow: i === current ? 'inset 4px 0 0 #0066CC' : undefined,
            }}
          >
            <SearchOptionContent choice={choice} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
