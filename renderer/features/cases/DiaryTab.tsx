import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetailData, DiaryEntryData } from '../../../shared/contracts/cases';
import { DIARY_TYPE_CODES, DIARY_TYPES, type DiaryType } from '../../../shared/domain/cartella';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../i18n/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toShownError, type ShownError } from '../../api/errors';
import { getDiaryEntry } from './store';
import { Section } from '../../components/Section';
import { DiaryDialog } from './DiaryDialog';
import { DiaryVersionsDialog } from './DiaryVersionsDialog';
import { href } from '../../router/hash-router';

function when(e: DiaryEntryData): string {
  return `${formatDate(e.data)}${e.ora ? ` alle ${e.ora}` : ''}`;
}

/**
 * A riservato entry the user may not read: only that it exists, in grey. Asking to open it
 * goes to the core, which refuses and records the attempt for the coordinator.
 */
function HiddenEntry({ entry }: { entry: DiaryEntryData }) {
  const [refusal, setRefusal] = useState<ShownError | null>(null);
  const tryOpen = async () => {
    try {
      await getDiaryEntry(entry.id);
    } catch (error) {
      setRefusal(toShownError(error));
    }
  };
  return (
    <Box
      component="article"
      aria-label={`Nota riservata del ${formatDate(entry.data)}`}
      sx={{ bgcolor: '#ECEFF3', color: 'text.secondary', borderRadius: 1, px: 2, py: 1.5, mb: 1.5 }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <LockOutlined fontSize="small" aria-hidden />
        <Typography component="h3" sx={{ fontWeight: 600, fontSize: '1rem' }}>
          Nota riservata
        </Typography>
        <Typography sx={{ fontSize: '0.9rem', flexGrow: 1 }}>
          · {DIARY_TYPES[entry.tipo]} del {when(entry)} · {entry.autore}
        </Typography>
        <Button size="small" onClick={() => void tryOpen()} aria-label={`Apri la nota riservata del ${formatDate(entry.data)}`}>
          Apri
        </Button>
      </Box>
      {refusal ? <ErrorAlert error={refusal} /> : null}
    </Box>
  );
}

function Entry({ entry, onEdit, onVersions }: { entry: DiaryEntryData; onEdit: () => void; onVersions: () => void }) {
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-labelledby={`diario-${entry.id}`}
      sx={{ p: 2, mb: 1.5, borderLeft: 4, borderLeftColor: entry.riservato ? 'warning.main' : 'primary.main' }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="h3" id={`diario-${entry.id}`} sx={{ fontSize: '1.1rem' }}>
            {DIARY_TYPES[entry.tipo]} del {when(entry)}
          </Typography>
          <Typography sx={{ fontSize: '0.9rem', color: 'text.secondary' }}>
            {entry.autore}
            {entry.versione > 1 ? ` · versione ${entry.versione}` : ''}
            {entry.luogo ? ` · ${entry.luogo}` : ''}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          {entry.riservato ? <Chip size="small" color="warning" icon={<LockOutlined />} label="Riservata" /> : null}
          {entry.inConflitto ? <Chip size="small" color="error" variant="outlined" component="a" clickable href={href('/conflitti')} label="Versione in conflitto" /> : null}
          {entry.versione > 1 ? (
            <Button size="small" onClick={onVersions}>
              Versioni precedenti
            </Button>
          ) : null}
          {entry.modificabile ? (
            <Button size="small" variant="outlined" onClick={onEdit}>
              Modifica
            </Button>
          ) : null}
        </Box>
      </Box>
      {entry.partecipanti ? <Typography sx={{ mt: 1 }}>Partecipanti: {entry.partecipanti}</Typography> : null}
      {entry.riservato && entry.nominati.length > 0 ? (
        <Typography sx={{ fontSize: '0.9rem', color: 'text.secondary' }}>Possono leggerla anche: {entry.nominati.map((n) => n.fullName).join(', ')}</Typography>
      ) : null}
      <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.testo}</Typography>
    </Paper>
  );
}

export function DiaryTab({ detail, canWrite }: { detail: CaseDetailData; canWrite: boolean }) {
  const [tipo, setTipo] = useState<DiaryType | ''>('');
  const [editing, setEditing] = useState<DiaryEntryData | 'new' | null>(null);
  const [versions, setVersions] = useState<DiaryEntryData | null>(null);
  const entries = detail.diary.filter((e) => tipo === '' || e.tipo === tipo).sort((a, b) => `${b.data}${b.ora}`.localeCompare(`${a.data}${a.ora}`));

  return (
    <Section
      id="pannello-diario"
      title="Diario"
      actions={
        canWrite ? (
          <Button variant="contained" onClick={() => setEditing('new')}>
            Nuova annotazione
          </Button>
        ) : null
      }
    >
      <Box sx={{ maxWidth: 320, '& .MuiFormControl-root': { mt: 0 } }}>
        <SelectField label="Mostra" value={tipo} onChange={(v) => setTipo(v as DiaryType | '')} required={false}>
          <option value="">Tutte le annotazioni</option>
          {DIARY_TYPE_CODES.map((t) => (
            <option key={t} value={t}>
              {DIARY_TYPES[t]}
            </option>
          ))}
        </SelectField>
      </Box>
      {entries.length === 0 ? <Typography sx={{ mt: 2 }}>{detail.diary.length === 0 ? 'Il diario è vuoto.' : 'Nessuna annotazione di questo tipo.'}</Typography> : null}
      <Box sx={{ mt: 2 }}>
        {entries.map((e) =>
          e.testo === null ? <HiddenEntry key={e.id} entry={e} /> : <Entry key={e.id} entry={e} onEdit={() => setEditing(e)} onVersions={() => setVersions(e)} />,
        )}
      </Box>
      {editing ? <DiaryDialog caseId={detail.id} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {versions ? <DiaryVersionsDialog entry={versions} onClose={() => setVersions(null)} /> : null}
    </Section>
  );
}
