import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { profileRefusal } from '../session/refusal';

export function PersonePage({ session }: { session: SessionInfoData }) {
  return (
    <ComingSoonPage
      title="Persone e cartelle"
      lead="L'anagrafica delle persone seguite e la loro cartella sociale."
      refusal={profileRefusal(session, 'persona.read', 'case.summary')}
      bullets={[
        'Anagrafica con codice fiscale verificato, residenza, contatti, invalidità, tutore o amministratore di sostegno.',
        'Nucleo familiare, ISEE con avviso prima della scadenza, primo accesso allo sportello.',
        "Cartella sociale numerata per sede (es. 2026/N-0042): area di utenza, stato, operatore responsabile.",
        'Diario dei contatti con note riservate, progetto personalizzato (PAI), interventi ed erogazioni.',
        'Informativa e consensi; le cartelle non si cancellano mai: si chiudono o si archiviano.',
      ]}
    />
  );
}
