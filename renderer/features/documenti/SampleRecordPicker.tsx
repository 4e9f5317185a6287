import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { SubjectKind } from '../../../shared/domain/letters';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { allows } from '../session';
import type { Subject } from './store';

interface Found {
  id: string;
  label: string;
  caseId: string | null;
  caseNumero: string | null;
}

/**
 * Sample data (the default) or a real record for the editor's preview: a person, or that
 * person's case, found by name or codice fiscale. Only for a profile that may read people; the
 * core checks and audits the read as any other.
 */
export function SampleRecordPicker({
  session,
  soggetti,
  value,
  onChange,
}: {
  session: SessionInfoData;
  soggetti: readonly SubjectKind[];
  value: { subject: Subject; label: string } | null;
  onChange: (v: { subject: Subject; label: string } | null) => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const kinds = soggetti.filter((k): k is 'persona' | 'cartella' => k === 'persona' || k === 'cartella');
  if (!allows(session, 'persona.read') || kinds.length === 0) {
    return <Typography color="text.secondary">Anteprima con dati di esempio.</Typography>;
  }
  const search = async () => {
    setError(null);
    try {
      const out = await api.call('persons.search', { query, comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 10 });
      setFound(out.results.map((p) => ({ id: p.id, label: `${p.cognome} ${p.nome}`, caseId: p.cases[0]?.id ?? null, caseNumero: p.cases[0]?.numero ?? null })));
    } catch (e) {
      setError(toShownError(e));
    }
  };
  const pick = (id: string) => {
    const f = found?.find((p) => p.id === id || p.caseId === id);
    if (!f) return onChange(null);
    if (kinds.includes('persona')) onChange({ subject: { kind: 'persona', id: f.id }, label: f.label });
    else if (f.caseId) onChange({ subject: { kind: 'cartella', id: f.caseId }, label: `${f.label}, cartella ${f.caseNumero ?? ''}` });
  };
  return (
    <Stack spacing={1}>
      <Typography>{value ? `Anteprima con i dati di: ${value.label}` : 'Anteprima con dati di esempio.'}</Typography>
      <ErrorAlert error={error} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="Prova con una persona (cognome, nome o codice fiscale)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
          sx={{ minWidth: 320 }}
        />
        <Button onClick={() => void search()} disabled={query.trim().length < 2}>
          Cerca
        </Button>
        {value ? <Button onClick={() => onChange(null)}>Torna ai dati di esempio</Button> : null}
      </Stack>
      {found ? (
        found.length === 0 ? (
          <Typography>Nessuna persona trovata.</Typography>
        ) : (
          <SelectField label="Record per l’anteprima" value={value?.subject.id ?? ''} onChange={pick} required={false}>
            <option value="">Dati di esempio</option>
            {found
              .filter((f) => kinds.includes('persona') || f.caseId)
              .map((f) => (
                <option key={f.id} value={kinds.includes('persona') ? f.id : (f.caseId ?? '')}>
                  {kinds.includes('persona') ? f.label : `${f.label}, cartella ${f.caseNumero ?? ''}`}
                </option>
              ))}
          </SelectField>
        )
      ) : null}
    </Stack>
  );
}
