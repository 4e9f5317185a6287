import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ComingSoonPage } from '../../components/ComingSoonPage';
import { profileRefusal } from '../session';

export function DocumentiPage({ session }: { session: SessionInfoData }) {
  return (
    <ComingSoonPage
      title="Documenti"
      lead="Lettere e moduli stampati con la carta intestata della zona."
      refusal={profileRefusal(session, 'letters.print')}
      bullets={[
        'Convocazioni, informativa privacy e consensi, lettere di presa in carico e di chiusura.',
        'Relazioni sociali, PAI, convenzioni di tirocinio, progetti formativi e registri presenze.',
        "Modelli modificabili dall'amministratore, con controllo dei campi al salvataggio.",
        'Numero e data di protocollo riportati dopo la registrazione nel protocollo del Comune.',
        'Ogni documento stampato si archivia nella cartella ed è annotato nel registro accessi.',
      ]}
    />
  );
}
