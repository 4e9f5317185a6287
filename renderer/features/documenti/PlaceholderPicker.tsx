import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { RecipientKind, SubjectKind } from '../../../shared/domain/letters';
import type { FieldInfo } from './store';

/**
 * The placeholders a template may use, by group, named in Italian (`persona.cognome`): a click
 * (or Enter) puts `{{ persona.cognome }}` where the cursor is. Fields the template's records do
 * not provide are left out; sensitive ones are shown but refused in a letter addressed outside.
 */
export function PlaceholderPicker({
  fields,
  soggetti,
  destinatario,
  onPick,
}: {
  fields: readonly FieldInfo[];
  soggetti: readonly SubjectKind[];
  destinatario: RecipientKind;
  onPick: (field: FieldInfo) => void;
}) {
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const usable = fields.filter((f) => f.soggetti.some((s) => soggetti.includes(s)) && (!q || f.campo.includes(q) || f.label.toLowerCase().includes(q)));
    const byGroup = new Map<string, FieldInfo[]>();
    for (const f of usable) byGroup.set(f.gruppo, [...(byGroup.get(f.gruppo) ?? []), f]);
    return [...byGroup.entries()];
  }, [fields, soggetti, filter]);
  const external = destinatario === 'esterno';
  return (
    <Box component="section" aria-labelledby="campi-disponibili">
      <Typography variant="h3" id="campi-disponibili" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Campi disponibili
      </Typography>
      <TextField label="Cerca un campo" value={filter} onChange={(e) => setFilter(e.target.value)} size="small" fullWidth sx={{ mb: 1 }} />
      {external ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Modello per destinatari esterni: i campi sensibili (salute, invalidità, ISEE, note riservate) non sono ammessi.
        </Typography>
      ) : null}
      <Box sx={{ maxHeight: 420, overflowY: 'auto', pr: 1 }} tabIndex={0} role="region" aria-label="Elenco dei campi">
        {groups.length === 0 ? <Typography>Nessun campo corrisponde.</Typography> : null}
        {groups.map(([gruppo, list]) => (
          <Box key={gruppo} sx={{ mb: 1.5 }}>
            <Typography sx={{ fontWeight: 600 }}>{gruppo}</Typography>
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {list.map((f) => {
                const refused = external && f.sensibile;
                return (
                  <li key={f.campo}>
                    <Button
                      size="small"
                      onClick={() => onPick(f)}
                      disabled={refused}
                      sx={{ textTransform: 'none', justifyContent: 'flex-start', textAlign: 'left', width: '100%' }}
                      aria-label={`Inserisci ${f.campo}: ${f.label}${f.sensibile ? ' (sensibile)' : ''}`}
                    >
                      <Box component="span">
                        <code>{f.campo}</code> · {f.label}
                        {f.sensibile ? ' · sensibile' : ''}
                        {f.esempio ? (
                          <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.8rem' }}>
                            es. {f.esempio}
                          </Box>
                        ) : null}
                      </Box>
                    </Button>
                  </li>
                );
              })}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
