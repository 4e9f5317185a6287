import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useEffect, useMemo, useState } from 'react';
import type { PlaceData } from '../../../shared/contracts/places';
import { selectZone, useZoneStore } from '../zone';
import { searchPlaces } from './store';

/** A place chosen from the list: `code` is what the core stores (Belfiore, ISTAT, or 'ITA'). */
export interface PlaceValue {
  code: string;
  nome: string;
  /** "TR", "stato estero", "comune soppresso": shown beside the name. */
  detail: string;
}

/**
 * nascita: comuni (also ceased) and states, by Belfiore code; cittadinanza: states, with Italia
 * ('ITA') first; residenza: comuni by ISTAT code, the zone's own first.
 */
export type PlaceMode = 'nascita' | 'cittadinanza' | 'residenza';

const ITALIA: PlaceValue = { code: 'ITA', nome: 'Italia', detail: 'cittadinanza italiana' };

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function fromPlace(p: PlaceData, mode: PlaceMode): PlaceValue | null {
  if (mode === 'residenza') return p.kind === 'comune' && p.istat ? { code: p.istat, nome: p.nome, detail: p.provincia ?? '' } : null;
  const detail = p.kind === 'stato' ? 'stato estero' : (p.provincia ?? '');
  return { code: p.belfiore, nome: p.nome, detail: p.ceased ? `${detail}, ${p.kind === 'stato' ? 'non più esistente' : 'comune soppresso'}` : detail };
}

const SEARCH: Record<PlaceMode, { kind: 'comune' | 'stato' | 'tutti'; includeCeased: boolean }> = {
  nascita: { kind: 'tutti', includeCeased: true },
  cittadinanza: { kind: 'stato', includeCeased: false },
  residenza: { kind: 'comune', includeCeased: false },
};

export function PlaceField({
  label,
  mode,
  value,
  onChange,
  error,
  helperText,
}: {
  label: string;
  mode: PlaceMode;
  value: PlaceValue | null;
  onChange: (value: PlaceValue | null) => void;
  error?: string | undefined;
  helperText?: string | undefined;
}) {
  const zone = useZoneStore(selectZone);
  const [input, setInput] = useState('');
  const [answer, setAnswer] = useState<{ query: string; places: PlaceValue[] }>({ query: '', places: [] });
  const local = useMemo<PlaceValue[]>(() => {
    if (mode === 'cittadinanza') return [ITALIA];
    if (mode === 'residenza') return (zone?.comuni ?? []).map((c) => ({ code: c.istat, nome: c.nome, detail: `${c.provincia}, comune della zona` }));
    return [];
  }, [mode, zone]);

  const typed = value && input === placeLabel(value) ? '' : input.trim();

  useEffect(() => {
    if (typed.length < 2) return;
    let current = true;
    const timer = window.setTimeout(() => {
      searchPlaces({ query: typed, ...SEARCH[mode], limit: 20 }).then(
        (places) => {
          if (current) setAnswer({ query: typed, places: places.map((p) => fromPlace(p, mode)).filter((p): p is PlaceValue => p !== null) });
        },
        () => {
          if (current) setAnswer({ query: typed, places: [] });
        },
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [typed, mode]);

  const loading = typed.length >= 2 && answer.query !== typed;

  const options = useMemo(() => {
    const f = fold(typed);
    const mine = local.filter((p) => f === '' || fold(p.nome).includes(f));
    const seen = new Set(mine.map((p) => p.code));
    const remote = typed.length < 2 ? [] : answer.places;
    return [...mine, ...remote.filter((p) => !seen.has(p.code))];
  }, [local, answer, typed]);

  return (
    <Autocomplete<PlaceValue>
      value={value}
      onChange={(_e, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_e, next) => setInput(next)}
      options={value && !options.some((o) => o.code === value.code) ? [value, ...options] : options}
      filterOptions={(list) => list}
      getOptionLabel={placeLabel}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      getOptionKey={(o) => o.code}
      autoHighlight
      loading={loading}
      loadingText="Ricerca in corso…"
      noOptionsText={typed.length < 2 ? 'Scrivi almeno due lettere del nome' : 'Nessun luogo trovato'}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            <span>
              <strong>{option.nome}</strong>
              {option.detail ? <span style={{ color: '#455B71' }}> — {option.detail}</span> : null}
            </span>
          </li>
        );
      }}
      renderInput={(params) => <TextField {...params} label={label} error={Boolean(error)} helperText={error ?? helperText} />}
    />
  );
}

function placeLabel(p: PlaceValue): string {
  return p.detail && /^[A-Z]{2}\b/.test(p.detail) ? `${p.nome} (${p.detail.slice(0, 2)})` : p.nome;
}

/** The value for a stored code and the name the core returned with it. */
export function placeValue(code: string | null, nome: string | null, mode: PlaceMode): PlaceValue | null {
  if (!code) return null;
  if (mode === 'cittadinanza' && code === 'ITA') return ITALIA;
  const foreign = mode !== 'residenza' && code.startsWith('Z');
  return { code, nome: nome ?? code, detail: foreign ? 'stato estero' : '' };
}
