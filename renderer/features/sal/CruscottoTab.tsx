import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
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
        <Grid size={{ xs: 12, md: 4 }}>
          <Section id="sal-scadenze" title="Tirocini che finiscono entro 30 giorni">
            {data.inScadenza.length === 0 ? <Typography color="text.secondary">Nessuno.</Typography> : null}
            <List dense>
              {data.inScadenza.map((t) => (
                <ListItem key={t.id} disableGutters>
                  <Link href={href(salPath.tirocinio(t.id))}>
                    {t.beneficiario} presso {t.azienda}: fine il {formatDate(t.fineEffettiva)}
                  </Link>
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Section id="sal-convenzioni" title="Convenzioni in scadenza (60 giorni)">
            {data.convenzioniInScadenza.length === 0 ? <Typography color="text.secondary">Nessuna.</Typography> : null}
            <List dense>
              {data.convenzioniInScadenza.map((c) => (
                <ListItem key={c.id} disableGutters>
                  <Link href={href(salPath.azienda(c.aziendaId))}>
                    {c.azienda}, convenzione n. {c.numero}: scade il {formatDate(c.scadenza)}
                  </Link>
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Section id="sal-presenze" title="Presenze da inserire">
            {data.presenzeDaInserire.length === 0 ? <Alert severity="success">Le presenze del mese scorso sono tutte inserite.</Alert> : null}
            <List dense>
              {data.presenzeDaInserire.map((p) => (
                <ListItem key={p.tirocinioId} disableGutters>
                  <Link href={href(salPath.tirocinio(p.tirocinioId, p.month))}>
                    {p.beneficiario} ({p.azienda}): {monthLabel(p.month)}
                  </Link>
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
      </Grid>
    </>
  );
}
