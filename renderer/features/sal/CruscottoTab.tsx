import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';
import { conteggio } from '../../../shared/domain/italian';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { salPath } from './routes';
import { cruscotto } from './store';

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;

/** What needs doing in the SAL: ends, expiries, presenze to enter, people waiting. */
export function CruscottoTab() {
  const { data, error } = cruscotto.useStore();
  useEffect(() => {
    void cruscotto.load('cruscotto');
  }, []);
  if (!data) return <ErrorAlert error={error} />;
  return (
    <>
      <Typography sx={{ mb: 2 }}>
        {conteggio(data.inCorso, 'tirocinio in corso', 'tirocini in corso')} · {conteggio(data.inAttesa, 'beneficiario in attesa', 'beneficiari in attesa')} di un inserimento.{' '}
        <Link href={href(salPath.tab('beneficiari'))}>Vedi i beneficiari</Link>
      </Typography>
      <Grid container spacing={2}>
        <LinkList
          id="sal-scadenze"
          title="Tirocini che finiscono entro 30 giorni"
          empty={<Typography color="text.secondary">Nessuno.</Typography>}
          items={data.inScadenza.map((t) => ({ key: t.id, path: salPath.tirocinio(t.id), text: `${t.beneficiario} presso ${t.azienda}: fine il ${formatDate(t.fineEffettiva)}` }))}
        />
        <LinkList
          id="sal-convenzioni"
          title="Convenzioni in scadenza (60 giorni)"
          empty={<Typography color="text.secondary">Nessuna.</Typography>}
          items={data.convenzioniInScadenza.map((c) => ({
            key: c.id,
            path: salPath.azienda(c.aziendaId),
            text: `${c.azienda}, convenzione n. ${c.numero}: scade il ${formatDate(c.scadenza)}`,
          }))}
        />
        <LinkList
          id="sal-presenze"
          title="Presenze da inserire"
          empty={<Alert severity="success">Le presenze del mese scorso sono tutte inserite.</Alert>}
          items={data.presenzeDaInserire.map((p) => ({
            key: p.tirocinioId,
            path: salPath.tirocinio(p.tirocinioId, p.month),
            text: `${p.beneficiario} (${p.azienda}): ${monthLabel(p.month)}`,
          }))}
        />
      </Grid>
    </>
  );
}

/** One column of the cruscotto: a titled list of links, or what to say when it is empty. */
function LinkList({ id, title, empty, items }: { id: string; title: string; empty: ReactNode; items: { key: string; path: string; text: string }[] }) {
  return (
    <Grid size={{ xs: 12, md: 4 }}>
      <Section id={id} title={title}>
        {items.length === 0 ? empty : null}
        <List dense>
          {items.map((item) => (
            <ListItem key={item.key} disableGutters>
              <Link href={href(item.path)}>{item.text}</Link>
            </ListItem>
          ))}
        </List>
      </Section>
    </Grid>
  );
}
