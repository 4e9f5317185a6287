import FolderOutlined from '@mui/icons-material/FolderOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CaseSummaryData, PersonSummaryData } from '../../../shared/contracts/persons';
import { AREE, STATI } from '../../../shared/domain/cartella';
import { formatDate } from '../../i18n/format';
import { nato } from '../../../shared/domain/italian';

export type SearchChoice = { kind: 'person'; person: PersonSummaryData } | { kind: 'case'; person: PersonSummaryData; caseSummary: CaseSummaryData };

export function choicePath(choice: SearchChoice): string {
  return choice.kind === 'person' ? `/persone/${choice.person.id}` : `/cartelle/${choice.caseSummary.id}`;
}

export function personLine(p: PersonSummaryData): string {
  const parts = [
    p.codiceFiscale ?? 'codice fiscale non indicato',
    p.dataNascita ? `${nato(p.sesso)} il ${formatDate(p.dataNascita)}` : null,
    [p.comune, p.indirizzo].filter(Boolean).join(', ') || null,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function caseLine(c: CaseSummaryData): string {
  return [AREE[c.area].label, STATI[c.stato], `sede di ${c.sedeNome}`, c.responsabile ? `responsabile ${c.responsabile}` : null].filter(Boolean).join(' · ');
}

/** What one option of the results list shows; the option itself (role, id, state) is the caller's. */
export function SearchOptionContent({ choice }: { choice: SearchChoice }) {
  if (choice.kind === 'person') {
    const p = choice.person;
    return (
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
        <PersonOutlined aria-hidden sx={{ mt: 0.25, color: 'primary.main' }} />
        <Box sx={{ minWidth: 0 }}>
          <Typography component="span" sx={{ display: 'block', fontWeight: 700 }}>
            {p.cognome} {p.nome}
          </Typography>
          <Typography component="span" sx={{ display: 'block', fontSize: '0.9rem', color: 'text.secondary' }}>
            {personLine(p)}
          </Typography>
        </Box>
      </Box>
    );
  }
  const c = choice.caseSummary;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', pl: 4 }}>
      {c.accessibile ? <FolderOutlined aria-hidden sx={{ mt: 0.25, color: 'primary.main' }} /> : <LockOutlined aria-hidden sx={{ mt: 0.25, color: 'text.secondary' }} />}
      <Box sx={{ minWidth: 0 }}>
        <Typography component="span" sx={{ display: 'block', fontWeight: 600 }}>
          Cartella {c.numero}
          {c.accessibile ? '' : ' — non assegnata a te'}
        </Typography>
        <Typography component="span" sx={{ display: 'block', fontSize: '0.9rem', color: 'text.secondary' }}>
          {caseLine(c)}
        </Typography>
      </Box>
    </Box>
  );
}
