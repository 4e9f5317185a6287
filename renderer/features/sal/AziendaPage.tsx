import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import { allows } from '../session';
import { AziendaDialog } from './AziendaDialog';
import { ConvenzioneDialog, TutorDialog } from './AziendaDialogs';
import { salPath } from './routes';
import { azienda, downloadConvenzione } from './store';

/** #/sal/aziende/<id>: a host company, its tutors and its convenzioni. */
export function AziendaPage({ id, session }: { id: string; session: SessionInfoData }) {
  const { data, error } = azienda.useStore();
  const canWrite = allows(session, 'sal.write');
  const [dialog, setDialog] = useState<'edit' | 'tutor' | 'convenzione' | null>(null);
  const [tutorId, setTutorId] = useState<string | null>(null);
  const [pdf, setPdf] = useState<{ error: ShownError | null; avviso: string }>({ error: null, avviso: '' });
  const download = (id: string) => {
    setPdf({ error: null, avviso: '' });
    downloadConvenzione(id).then(
      (avviso) => setPdf({ error: null, avviso }),
      (error: unknown) => setPdf({ error: toShownError(error), avviso: '' }),
    );
  };
  useEffect(() => {
    void azienda.load(id);
  }, [id]);
  const a = data?.id === id ? data : null;
  if (!a) {
    return (
      <>
        <PageTitle>Azienda ospitante</PageTitle>
        <ErrorAlert error={error} />
        {error ? <Link href={href(salPath.tab('aziende'))}>Torna alle aziende</Link> : <CircularProgress aria-label="Caricamento dell’azienda" />}
      </>
    );
  }
  return (
    <>
      <Link href={href(salPath.tab('aziende'))}>← Aziende</Link>
      <PageTitle subtitle={`${a.codice} · ${a.comune}${a.indirizzo ? `, ${a.indirizzo}` : ''}`}>{a.ragioneSociale}</PageTitle>
      <Section id="azienda-dati" title="Dati dell’azienda" actions={canWrite ? <Button onClick={() => setDialog('edit')}>Modifica</Button> : null}>
        <Typography>
          Settore: {[a.atecoCodice, a.atecoDescrizione].filter(Boolean).join(' – ') || 'non indicato'}
          {a.coopB ? ' · Cooperativa sociale di tipo B' : ''}
        </Typography>
        <Typography>
          Dipendenti a tempo indeterminato: {a.dipendentiTi} · tirocinanti in corso {a.tirocinantiInCorso} su un massimo di {a.limite} alla volta
        </Typography>
        <Typography>Referente: {[a.referente, a.telefono, a.email].filter(Boolean).join(' · ') || 'non indicato'}</Typography>
        {a.note ? <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{a.note}</Typography> : null}
      </Section>
      <Section
        id="azienda-tutor"
        title="Tutor aziendali"
        actions={
          canWrite ? (
            <Button startIcon={<AddOutlined />} onClick={() => (setTutorId(null), setDialog('tutor'))}>
              Aggiungi tutor
            </Button>
          ) : null
        }
      >
        {a.tutor.length === 0 ? <Typography color="text.secondary">Nessun tutor registrato.</Typography> : null}
        <Table size="small" aria-label="Tutor aziendali">
          <TableBody>
            {a.tutor.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  {t.nome}
                  {t.attivo ? '' : ' (non più attivo)'}
                </TableCell>
                <TableCell>{t.ruolo}</TableCell>
                <TableCell>{[t.telefono, t.email].filter(Boolean).join(' · ')}</TableCell>
                <TableCell align="right">{canWrite ? <Button onClick={() => (setTutorId(t.id), setDialog('tutor'))}>Modifica</Button> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section
        id="azienda-convenzioni"
        title="Convenzioni"
        actions={
          canWrite ? (
            <Button startIcon={<AddOutlined />} onClick={() => setDialog('convenzione')}>
              Registra convenzione
            </Button>
          ) : null
        }
      >
        {a.convenzioni.length === 0 ? <Typography color="text.secondary">Nessuna convenzione: serve per attivare un tirocinio.</Typography> : null}
        <ErrorAlert error={pdf.error} />
        {pdf.avviso ? (
          <Alert severity="warning" sx={{ mb: 1 }}>
            {pdf.avviso}
          </Alert>
        ) : null}
        <Table size="small" aria-label="Convenzioni">
          <TableHead>
            <TableRow>
              <TableCell>Numero</TableCell>
              <TableCell>Data</TableCell>
              <TableCell>Scadenza</TableCell>
              <TableCell>PDF firmato</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {a.convenzioni.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.numero}</TableCell>
                <TableCell>{formatDate(c.data)}</TableCell>
                <TableCell>
                  {formatDate(c.scadenza)} {c.scaduta ? <Chip size="small" color="warning" label="Scaduta" /> : null}
                </TableCell>
                <TableCell>
                  {c.conFile ? (
                    <Button size="small" onClick={() => download(c.id)} aria-label={`Scarica il PDF firmato della convenzione n. ${c.numero}`}>
                      Scarica il PDF
                    </Button>
                  ) : (
                    'Non caricato'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      {dialog === 'edit' ? <AziendaDialog open azienda={a} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} /> : null}
      {dialog === 'tutor' ? <TutorDialog aziendaId={a.id} tutor={a.tutor.find((t) => t.id === tutorId) ?? null} onClose={() => setDialog(null)} /> : null}
      {dialog === 'convenzione' ? <ConvenzioneDialog aziendaId={a.id} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
