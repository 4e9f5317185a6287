import type { SessionInfoData } from '../../../shared/contracts/auth';
import { EditPersonPage, NewPersonPage } from './PersonFormPage';
import { PersonDetailPage } from './PersonDetailPage';
import { PersonsPage } from './PersonsPage';
import type { PersonRoute } from './routes';

export function PersonsRoute({ route, session }: { route: PersonRoute; session: SessionInfoData }) {
  switch (route.kind) {
    case 'list':
      return <PersonsPage session={session} />;
    case 'new':
      return <NewPersonPage />;
    case 'person':
      return <PersonDetailPage id={route.id} session={session} />;
    case 'edit':
      return <EditPersonPage id={route.id} />;
  }
}
