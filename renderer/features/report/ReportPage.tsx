import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { profileRefusal } from '../session';

export function ReportPage({ session }: { session: SessionInfoData }) {
  return (
    <ComingSoonPage
      title="Report"
      lead="Le statistiche per l'Ufficio di Piano e la conferenza di zona."
      refusal={profileRefusal(session, 'reports.view')}
      bullets={[
        'Conteggi per comune, area di utenza, sede, operatore e periodo.',
        'Nuove cartelle, chiusure, interventi e importi erogati.',
        'Tirocini SAL ed esiti.',
        "Conteggi inferiori a 5 nascosti in tutto ciò che esce dall'ufficio.",
        'Esportazione CSV e XLSX; interventi pronti per il flusso SIUSS.',
      ]}
    />
  );
}
