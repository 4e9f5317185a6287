import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { profileRefusal } from '../session';

export function SalPage({ session }: { session: SessionInfoData }) {
  return (
    <ComingSoonPage
      title="SAL"
      lead="Il registro del Servizio di Accompagnamento al Lavoro, per tutti i 12 comuni della zona."
      refusal={profileRefusal(session, 'sal.read')}
      bullets={[
        'Beneficiari con servizio inviante, presa in carico, L. 68/99, competenze e disponibilità.',
        'Aziende ed enti ospitanti con referente, tutor aziendale e convenzioni in corso.',
        'Tirocini extracurricolari (DGR Umbria 202/2019) con controllo di durata e orario giornaliero.',
        'Presenze mensili, indennità dovute ed elenco dei pagamenti.',
        'Esiti: assunzione, nuovo tirocinio, rinuncia, interruzione, conclusione.',
      ]}
    />
  );
}
