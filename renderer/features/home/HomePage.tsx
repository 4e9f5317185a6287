import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import { PageTitle } from '../../components/PageTitle';
import { formatLongDate, romeHour } from '../../i18n/format';
import type { PageProps } from '../../router/feature';
import { href } from '../../router/hash-router';
import { BackupBanner } from '../backup';
import { SyncBanner } from '../sync';
import { DueItemsSection } from '../cases';
import { TodayAtAGlance } from '../agenda';
import { NoticesReviewSection } from '../notices';
import { allows } from '../session';
import { sedeName, selectZone, useZoneStore } from '../zone';
import { FirstRunChecklist } from './FirstRunChecklist';

function greeting(now: Date): string {
  return romeHour(now) < 17 ? 'Buongiorno' : 'Buonasera';
}

export function HomePage({ session, sections: visible }: PageProps) {
  const zone = useZoneStore(selectZone);
  const [now] = useState(() => new Date());
  const sections = visible.filter((item) => item.path !== '/');
  const sede = session.user.sedeId ? sedeName(zone, session.user.sedeId) : null;

  return (
    <>
      <PageTitle subtitle={`Oggi è ${formatLongDate(now)}.`} documentTitle="Home">
        {greeting(now)}, {session.user.fullName}
      </PageTitle>
      <Typography sx={{ mb: 3 }}>
        Profilo: <strong>{PROFILE_LABELS[session.user.profile]}</strong>
        {' · '}
        {sede ? (
          <>
            Sede: <strong>{sede}</strong>
          </>
        ) : (
          'Nessuna sede assegnata'
        )}
        {zone ? ` · ${zone.nome}` : ''}
      </Typography>
      {allows(session, 'backup.manage') ? <BackupBanner /> : null}
      <SyncBanner />
      {session.user.profile === 'amministratore' ? <FirstRunChecklist /> : null}
      {allows(session, 'agenda.read') ? <TodayAtAGlance userId={session.user.id} /> : null}
      {allows(session, 'audit.view') ? <NoticesReviewSection canDecide={allows(session, 'users.manage')} /> : null}
      {allows(session, 'persona.read') ? <DueItemsSection /> : null}
      <Typography variant="h2" sx={{ mb: 2 }}>
        Le tue sezioni
      </Typography>
      <Grid container spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {sections.map((item) => {
          const Icon = item.icon;
          return (
            <Grid key={item.path} size={{ xs: 12, sm: 6, lg: 4 }} component="li">
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardActionArea href={href(item.path)} sx={{ height: '100%', alignItems: 'flex-start' }}>
                  <CardContent>
                    <Icon color="primary" sx={{ fontSize: 32, mb: 1 }} aria-hidden />
                    <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
                      {item.label}
                    </Typography>
                    <Typography color="text.secondary">{item.summary}</Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>
    </>
  );
}
