import { useEffect } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { DetachableHost } from '../../components/DetachableHost';
import { LockedContext } from '../../components/lock-context';
import { MainLayout } from './MainLayout';
import { clearZone, loadZone, selectZone, useZoneStore } from '../zone';
import { ForceChangePasswordPage } from '../account';
import { LockScreen, useIdleLock } from '../session';

/**
 * A logged-in session. While locked, the app stays mounted but out of the document, so a half
 * typed form is still there after unlocking, and nothing of it is visible or reachable.
 */
export function AuthenticatedApp({ session }: { session: SessionInfoData }) {
  const zone = useZoneStore(selectZone);
  const userId = session.user.id;
  const ready = !session.mustChangePassword;

  useEffect(() => {
    if (!ready) return;
    void loadZone();
    return () => clearZone();
  }, [ready, userId]);

  // The zone's setting wins over the value in the session, which may predate a change made here.
  useIdleLock(ready && !session.locked, zone?.idleTimeoutMin ?? session.idleTimeoutMin);

  if (session.mustChangePassword) return session.locked ? <LockScreen /> : <ForceChangePasswordPage />;
  return (
    <>
      <LockedContext value={session.locked}>
        <DetachableHost attached={!session.locked}>
          <MainLayout session={session} />
        </DetachableHost>
      </LockedContext>
      {session.locked ? <LockScreen /> : null}
    </>
  );
}
