import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { todayInRome } from '../../../shared/domain/dates';
import { ESITO_LABELS, GIORNI, GIORNO_LABELS, MOTIVO_SOSPENSIONE_LABELS, REGIME_LABELS, STATO_TIROCINIO_LABELS, type Esito } from '../../../shared/domain/sal/regimi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { formatDate } from '../../i18n/format';
import { href, navigate } from '../../router/hash-router';
import { allows } from '../session';
import { DocumentButton } from '../documenti';
import { monthLabel } from './CruscottoTab';
import { PresenzeGrid } from './PresenzeGrid';
import { salPath } from './routes';
import { presenze, tirocinio } from './store';
import { TirocinioActionDialog, type TirocinioAction } from './TirocinioActions';

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** #/sal/tirocini/<id>[/<mese>]: the tirocinio, its progetto formativo, its presenze and indennità. */
export function TirocinioPage({ id, month, session }: { id: string; month: string | null; session: SessionInfoData }) {
  const { data, error } = tirocinio.useStore();
  const grid = presenze.useStore();
  const canWrite = allows(session, 'sal.write');
  const [action, setAction] = useState<TirocinioAction | null>(null);
  useEffect(() => {
    void tirocinio.load(id);
  }, [id]);
  const t = data?.id === id ? data : null;
  const today = todayInRome().slice(0, 7);
  const shownMonth = month ?? (t ? (today < t.inizio.slice(0, 7) ? t.inizio.slice(0, 7) : today > t.fineEffettiva.slice(0, 7) ? t.fineEffettiva.slice(0, 7) : today) : today);
  useEffect(() => {
    if (t) void presenze.load({ tirocinioId: id, month: shownMonth });
  }, [id, shownMonth, t]);
  if (!t) {
    return (
      <>
        <PageTitle documentTitle="Tirocinio">Tirocinio</PageTitle>
        <ErrorAlert error={error} />
        {error ? <Link href={href(salPath.tab('tirocini'))}>Torna ai tirocini</Link> : <CircularProgress aria-label="Caricamento del tirocinio" />}
      </>
    );
  }
  const m = grid.data?.key === `${id}/${shownMonth}` ? grid.data : null;
  const running = t.stato === 'in_corso';
  return (
    <>
      <Link href={href(salPath.beneficiario(t.beneficiarioId))}>← {t.beneficiario}</Link>
      <PageTitle documentTitle="Tirocinio" subtitle={`${REGIME_LABELS[t.regime]} · ${t.esito ? ESITO_LABELS[t.esito as Esito] : STATO_TIROCINIO_LABELS[t.stato]}`}>
        Tirocinio presso {t.azienda}
      </PageTitle>
      <Section
        id="tirocinio-progetto"
        title="Progetto formativo"
        actions={
          <>
            <DocumentButton session={session} subject={{ kind: 'tirocinio', id, mese: shownMonth }} variant="text" />
            {canWrite && running ? <Button onClick={() => setAction('proroga')}>Proroga</Button> : null}
            {canWrite && running ? <Button onClick={() => setAction('sospensione')}>Sospensione</Button> : null}
            {canWrite && running ? <Button onClick={() => setAction('cessazione')}>Cessazione anticipata</Button> : null}
            {canWrite && !t.esito ? <Button onClick={() => setAction('esito')}>Registra l’esito</Button> : null}
          </>
        }
      >
        <Typography>
          Dal {formatDate(t.inizio)} al {formatDate(t.fine)}
          {t.fineEffettiva !== t.fine ? `, fine effettiva ${formatDate(t.fineEffettiva)} per le sospensioni` : ''} · {t.oreSettimanali} ore a settimana (
          {GIORNI.filter((g) => t.orario[g] > 0)
            .map((g) => `${GIORNO_LABELS[g]} ${t.orario[g]}`)
            .join(', ')}
          )
        </Typography>
        <Typography>
          Mansione: {t.mansione}
          {t.sedeSvolgimento ? ` · sede: ${t.sedeSvolgimento}` : ''}
        </Typography>
        {t.obiettivi ? <Typography sx={{ whiteSpace: 'pre-wrap' }}>Obiettivi: {t.obiettivi}</Typography> : null}
        <Typography>
          Indennità pagata da: {t.pagatoDa || 'non indicato'} · INAIL {t.inail || '—'} · RC {t.rc || '—'}
          {t.comunicazioneData ? ` · comunicazione obbligatoria del ${formatDate(t.comunicazioneData)}` : ''}
        </Typography>
        {t.sospensioni.map((s) => (
          <Typography key={s.id}>
            Sospensione per {MOTIVO_SOSPENSIONE_LABELS[s.motivo]} dal {formatDate(s.dal)} al {formatDate(s.al)}
          </Typography>
        ))}
        {t.proroghe.map((p) => (
          <Typography key={p.at}>
            Prorogato dal {formatDate(p.finePrima)} al {formatDate(p.fineDopo)}: {p.motivo}
          </Typography>
        ))}
        {t.cessazioneData ? (
          <Typography>
            Cessato il {formatDate(t.cessazioneData)}: {t.cessazioneMotivo}
          </Typography>
        ) : null}
        {t.esitoData ? (
          <Typography>
            Esito del {formatDate(t.esitoData)}: {ESITO_LABELS[t.esito as Esito]}
            {t.esitoContratto ? ` (${t.esitoContratto})` : ''}
          </Typography>
        ) : null}
        {t.deroga ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            Deroga registrata: {t.deroga.motivo}
          </Alert>
        ) : null}
        <Typography color="text.secondary" sx={{ mt: 1, fontSize: '0.9rem' }}>
          Regole applicate: versione in vigore dal {formatDate(t.parametri.validoDal)} ({t.parametri.fonte}).
        </Typography>
      </Section>
      <Section id="tirocinio-presenze" title={`Presenze di ${monthLabel(shownMonth)}`}>
        <Box sx={{ display: 'flex', gap: 1, mb: 2 }}>
          <Button onClick={() => navigate(salPath.tirocinio(id, shiftMonth(shownMonth, -1)))}>← Mese precedente</Button>
          <Button onClick={() => navigate(salPath.tirocinio(id, shiftMonth(shownMonth, 1)))}>Mese successivo →</Button>
        </Box>
        <ErrorAlert error={grid.error} />
        {m ? (
          <>
            <Alert severity={m.indennita.previste === 0 ? 'info' : m.indennita.piena ? 'success' : 'warning'} sx={{ mb: 2 }}>
              Indennità del mese: {m.indennita.spiegazione}.
            </Alert>
            <PresenzeGrid key={m.key} tirocinioId={id} month={shownMonth} data={m} canWrite={canWrite} />
          </>
        ) : (
          <CircularProgress aria-label="Caricamento delle presenze" />
        )}
      </Section>
      {action ? <TirocinioActionDialog action={action} id={id} onClose={() => setAction(null)} /> : null}
    </>
  );
}
