import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { profileRefusal } from '../session/refusal';

export function AgendaPage({ session }: { session: SessionInfoData }) {
  return (
    <ComingSoonPage
      title="Agenda"
      lead="L'agenda condivisa dell'équipe, per operatore, sede e stanza."
      refusal={profileRefusal(session, 'agenda.read')}
      bullets={[
        'Appuntamenti nelle sedi di Narni e Amelia, per stanza, o nei comuni per visite domiciliari e giornate di sportello.',
        "Tipi di appuntamento: colloquio, visita domiciliare, riunione d'équipe, sportello; stato programmato, svolto, annullato o assente.",
        'Viste per operatore, per sede e per stanza; giorno, settimana e mese; appuntamenti ricorrenti.',
        'Avviso delle sovrapposizioni tra le due sedi; festività nazionali e feste patronali dei comuni.',
        "Stampa dell'agenda del giorno.",
      ]}
    />
  );
}
