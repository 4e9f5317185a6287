import { useEffect, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { hasCriteria, searchPersons, type SearchFilters, type SearchResults } from './store';

const DEBOUNCE_MS = 150;

export interface SearchState {
  results: SearchResults['results'];
  more: boolean;
  /** A newer search is on its way: the results shown answer an earlier one. */
  loading: boolean;
  error: ShownError | null;
  /** The results answer exactly what is typed now ("nessun risultato" is never said of an older query). */
  settled: boolean;
}

interface Answer {
  key: string;
  results: SearchResults['results'];
  more: boolean;
  error: ShownError | null;
}

const EMPTY: SearchState = { results: [], more: false, loading: false, error: null, settled: false };

/** Results while typing: one call 150 ms after the last keystroke; only the newest answer is kept. */
export function useSearchResults(query: string, filters: SearchFilters, limit = 25): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const active = hasCriteria(query, filters);
  const key = JSON.stringify([query.trim(), filters, limit]);

  useEffect(() => {
    const [q, f, l] = JSON.parse(key) as [string, SearchFilters, number];
    if (!hasCriteria(q, f)) return;
    let current = true;
    const timer = window.setTimeout(() => {
      searchPersons({ query: q, ...f, limit: l }).then(
        (page) => {
          if (current) setAnswer({ key, results: page.results, more: page.more, error: null });
        },
        (error: unknown) => {
          if (current) setAnswer({ key, results: [], more: false, error: toShownError(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  if (!active || !answer) return { ...EMPTY, loading: active };
  const settled = answer.key === key;
  return { results: answer.results, more: answer.more, error: answer.error, loading: !settled, settled };
}
