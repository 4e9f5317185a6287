import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { AREA_CODES, AREE, STATI, STATO_CODES, type Area, type StatoCartella } from '../../../shared/domain/cartella';
import { SelectField } from '../../components/SelectField';
import { selectZone, useZoneStore } from '../zone';
import { loadDirectory, selectDirectory, useSearchStore, type SearchFilters } from './store';

/** Narrow the search by comune of residence, area, stato and operatore of the case files. */
export function SearchFiltersBar({ filters, onChange }: { filters: SearchFilters; onChange: (filters: Partial<SearchFilters>) => void }) {
  const zone = useZoneStore(selectZone);
  const directory = useSearchStore(selectDirectory);
  useEffect(() => {
    void loadDirectory();
  }, []);
  const any = Object.values(filters).some((v) => v !== null);

  return (
    <Box
      role="group"
      aria-label="Filtri della ricerca"
      sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', '& .MuiFormControl-root': { width: 230, mt: 0 } }}
    >
      <SelectField label="Comune di residenza" value={filters.comuneIstat ?? ''} onChange={(v) => onChange({ comuneIstat: v || null })} required={false}>
        <option value="">Tutti i comuni</option>
        {(zone?.comuni ?? []).map((c) => (
          <option key={c.istat} value={c.istat}>
            {c.nome}
          </option>
        ))}
      </SelectField>
      <SelectField label="Area" value={filters.area ?? ''} onChange={(v) => onChange({ area: (v || null) as Area | null })} required={false}>
        <option value="">Tutte le aree</option>
        {AREA_CODES.map((a) => (
          <option key={a} value={a}>
            {AREE[a].label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Stato della cartella" value={filters.stato ?? ''} onChange={(v) => onChange({ stato: (v || null) as StatoCartella | null })} required={false}>
        <option value="">Tutti gli stati</option>
        {STATO_CODES.map((s) => (
          <option key={s} value={s}>
            {STATI[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Operatore" value={filters.operatoreId ?? ''} onChange={(v) => onChange({ operatoreId: v || null })} required={false}>
        <option value="">Tutti gli operatori</option>
        {directory.map((u) => (
          <option key={u.id} value={u.id}>
            {u.fullName}
          </option>
        ))}
      </SelectField>
      {any ? (
        <Button sx={{ mt: 1 }} onClick={() => onChange({ comuneIstat: null, area: null, stato: null, operatoreId: null })}>
          Togli i filtri
        </Button>
      ) : null}
    </Box>
  );
}
