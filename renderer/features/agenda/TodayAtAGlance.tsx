import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { OccurrenceData } from '../../../shared/contracts/agenda';
import { APPOINTMENT_STATO_LABELS } from '../../../shared/domain/agenda';
import { todayInRome } from '../../../shared/domain/dates';
import { href } from '../../router/hash-router';
import { dayOf } from './store';

/** Home: the user's appointments of today, at a glance. */
export function TodayAtAGlance({ userId }: { userId: string }) {
  const [items, setItems] = useState<OccurrenceData[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    dayOf(userId, todayInRome())
      .then(setItems)
      .catch(() => setFailed(true));
  }, [userId]);
  return (
    <section aria-labelledby="oggi-agenda" style={{ marginBottom: 24 }}>
      <Typography variant="h2" id="oggi-agenda" sx={{ mb: 1 }}>
        Oggi in agenda
      </Typography>
      {failed ? <Alert severity="warning">Agenda non disponibile.</Alert> : null}
      {items && items.length === 0 ? <Typography>Nessun appuntamento oggi.</Typography> : null}
      {items && items.length > 0 ? (
        <List dense>
          {items.map((o) => (
            <ListItem key={o.key} disablePadding>
              <ListItemText
                primary={`${o.start.slice(11)}–${o.end.slice(11)} ${o.title}`}
                secondary={[o.sedeNome, o.roomNome, o.comuneNome, o.stato !== 'programmato' ? APPOINTMENT_STATO_LABELS[o.stato] : null].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      ) : null}
      <a href={href('/agenda')}>Apri l’agenda</a>
    </section>
  );
}
