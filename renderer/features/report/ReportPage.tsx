import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { href } from '../../router/hash-router';
import { allows, profileRefusal } from '../session';

export function ReportPage({ session }: { session: SessionInfoData }) {
  return (
    <>
      {allows(session, 'siuss.export') ? (
        <Alert severity="info" sx={{ mb: 3 }} data-testid="report-siuss">
          Il flusso delle prestazioni per l’INPS è pronto: <Link href={href('/report/siuss')}>Flusso SIUSS (verifica ed esportazione)</Link>.
        </Alert>
      ) : null}
      <ComingSoonPage
        title="Report"
        lead="Le statistiche per l'Ufficio di Piano e la conferenza di zona."
        refusal={allows(session, 'siuss.export') ? null : profileRefusal(session, 'reports.view')}
        bullets={[
          'Conteggi per comune, area di utenza, sede, operatore e periodo.',
          'Nuove cartelle, chiusure, interventi e importi erogati.',
          'Tirocini SAL ed esiti.',
          "Conteggi inferiori a 5 nascosti in tutto ciò che esce dall'ufficio.",
          'Esportazione CSV e XLSX; interventi pronti per il flusso SIUSS.',
        ]}
      />
    </>
  );
}
