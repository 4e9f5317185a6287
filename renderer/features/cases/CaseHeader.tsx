import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { AREE, PROBLEMATICHE } from '../../../shared/domain/cartella';
import { nato } from '../../../shared/domain/italian';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { NewAppointmentButton } from '../agenda';
import { DocumentButton } from '../documenti';
import { ArchiveDialog } from './ArchiveDialog';
import { EditCaseDialog } from './EditCaseDialog';
import { StatoChip } from './StatoChip';
import { StatusDialog } from './StatusDialog';

/** The case number, big, with the person, area, sede, state and the case-level actions. */
export function CaseHeader({ detail, canManage, session }: { detail: CaseDetailData; canManage: boolean; session: SessionInfoData }) {
  const [dialog, setDialog] = useState<'stato' | 'modifica' | 'archivia' | null>(null);
  const p = detail.person;
  return (
    <Box component="section" aria-label="Dati della cartella" sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <PageTitle documentTitle="Cartella sociale">
          <Box component="span" sx={{ display: 'block', fontSize: '1rem', fontWeight: 600, color: 'text.secondary', textTransform: 'uppercase', letterSpacing: '0.08em' }}>
            Cartella sociale
          </Box>
          <Box component="span" sx={{ display: 'block', fontSize: { xs: '2.25rem', md: '3rem' }, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }}>
            {detail.numero}
          </Box>
        </PageTitle>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {detail.stato !== 'chiuso' ? <NewAppointmentButton session={session} person={p} caseId={detail.id} sedeId={detail.sedeId} /> : null}
          {!detail.emergenza ? <DocumentButton session={session} subject={{ kind: 'cartella', id: detail.id }} /> : null}
          {canManage ? (
            <>
              <Button variant="contained" onClick={() => setDialog('stato')}>
                Cambia stato
              </Button>
              <Button variant="outlined" onClick={() => setDialog('modifica')}>
                Area e problematiche
              </Button>
              {detail.stato === 'chiuso' ? (
                <Button variant="outlined" onClick={() => setDialog('archivia')}>
                  {detail.archiviata ? 'Togli dall’archivio' : 'Archivia'}
                </Button>
              ) : null}
            </>
          ) : null}
        </Box>
      </Box>
      <Typography sx={{ fontSize: '1.15rem', mb: 1 }}>
        <Link href={href(`/persone/${p.id}`)} sx={{ fontWeight: 700 }}>
          {p.cognome} {p.nome}
        </Link>
        {p.codiceFiscale ? ` · ${p.codiceFiscale}` : ''}
        {p.dataNascita ? ` · ${nato(p.sesso)} il ${formatDate(p.dataNascita)}` : ''}
      </Typography>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <StatoChip stato={detail.stato} size="medium" />
        <Typography>
          Area: <strong>{AREE[detail.area].label}</strong>
        </Typography>
        <Typography>
          Sede: <strong>{detail.sedeNome}</strong>
        </Typography>
        <Typography>
          Aperta il <strong>{formatDate(detail.apertaIl)}</strong>
          {detail.chiusaIl ? (
            <>
              {' '}
              · chiusa il <strong>{formatDate(detail.chiusaIl)}</strong>
            </>
          ) : null}
        </Typography>
      </Box>
      {detail.archiviata ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          La cartella {detail.numero} è archiviata: resta consultabile e nulla è stato cancellato.
        </Alert>
      ) : null}
      {detail.problematiche.length > 0 ? (
        <Box component="ul" aria-label="Problematiche" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}>
          {detail.problematiche.map((code) => (
            <li key={code}>
              <Chip label={PROBLEMATICHE[code]} variant="outlined" color="secondary" />
            </li>
          ))}
        </Box>
      ) : null}
      {dialog === 'stato' ? <StatusDialog detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'modifica' ? <EditCaseDialog detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'archivia' ? <ArchiveDialog detail={detail} onClose={() => setDialog(null)} /> : null}
    </Box>
  );
}
