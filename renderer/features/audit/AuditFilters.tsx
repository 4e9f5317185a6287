import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { maxLength } from '../../api/limits';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { ACTION_OPTIONS, AREA_OPTIONS } from './action-options';
import { AuditExport } from './AuditExport';
import { NO_FILTERS, applyFilters, selectFilters, useAuditStore, type AuditFilters as Filters, type Outcome } from './store';

export function AuditFilters() {
  const applied = useAuditStore(selectFilters);
  const [draft, setDraft] = useState<Filters>(applied);
  const put = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void applyFilters(draft);
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    void applyFilters(NO_FILTERS);
  };

  return (
    <Box
      component="form"
      role="search"
      aria-label="Filtri del registro"
      onSubmit={submit}
      noValidate
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 1, '& .MuiFormControl-root': { width: 220 } }}
    >
      <TextField
        label="Soggetto"
        value={draft.soggetto}
        onChange={(e) => put({ soggetto: e.target.value })}
        helperText="Nome, numero di cartella o identificativo"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: maxLength('audit.list', 'soggetto'), spellCheck: false } }}
      />
      <TextField
        label="Utente"
        value={draft.username}
        onChange={(e) => put({ username: e.target.value })}
        helperText="Nome utente, es. mario.rossi"
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
      />
      <SelectField label="Azione" value={draft.action} onChange={(action) => put({ action })} required={false}>
        <option value="">Tutte</option>
        <optgroup label="Aree">
          {AREA_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Azioni">
          {ACTION_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField label="Esito" value={draft.outcome ?? ''} onChange={(v) => put({ outcome: v === '' ? null : (v as Outcome) })} required={false}>
        <option value="">Tutti</option>
        <option value="ok">consentito</option>
        <option value="denied">negato</option>
        <option value="error">errore</option>
      </SelectField>
      <DateField label="Dal" value={draft.dal} onChange={(dal) => put({ dal })} />
      <DateField label="Al" value={draft.al} onChange={(al) => put({ al })} />
      {/* Aligned with the 56px fields' centre line, below their top margin. */}
      <Box sx={{ display: 'flex', gap: 1, mt: '24px', flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained">
          Filtra
        </Button>
        <Button onClick={reset}>Togli i filtri</Button>
        <AuditExport />
      </Box>
    </Box>
  );
}
