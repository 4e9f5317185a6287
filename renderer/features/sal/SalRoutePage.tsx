import type { PageProps } from '../../router/feature';
import { AziendaPage } from './AziendaPage';
import { BeneficiarioPage } from './BeneficiarioPage';
import { EnrolPage } from './EnrolPage';
import { RegisterPage } from './RegisterPage';
import type { SalRoute } from './routes';
import { TirocinioPage } from './TirocinioPage';

/** Every address of the SAL register, one page each. */
export function SalRoutePage({ route, session }: { route: SalRoute } & PageProps) {
  switch (route.view) {
    case 'register':
      return <RegisterPage tab={route.tab} session={session} />;
    case 'beneficiario':
      return <BeneficiarioPage id={route.id} session={session} />;
    case 'azienda':
      return <AziendaPage id={route.id} session={session} />;
    case 'tirocinio':
      return <TirocinioPage id={route.id} month={route.month} session={session} />;
    case 'iscrivi':
      return <EnrolPage caseId={route.caseId} />;
  }
}
