import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { BeneficiarioFields as FieldsSchema } from '../../../shared/contracts/sal';
import { ESITO_LABELS, REGIME_LABELS, STATO_TIROCINIO_LABELS, type Esito } from '../../../shared/domain/sal/regimi';
import { checkWithSchema, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { formatDate } from '../../i18n/format';
import { href, navigate } from '../../router/hash-router';
import { allows } from '../session';
import { BeneficiarioForm, type BeneficiarioFields } from './BeneficiarioForm';
import { MatchingSection } from './MatchingSection';
import { PathSection } from './PathSection';
import { salPath } from './routes';
import { beneficiario, updateBeneficiario, type BeneficiarioDetail } from './store';
import { TirocinioDialog } from './TirocinioDialog';

/** #/sal/beneficiari/<id>: a person in work mediation. Opening it is audited (IBAN, invalidità). */
export function BeneficiarioPage({ id, session }: { id: string; session: SessionInfoData }) {
  const { data, error } = beneficiario.useStore();
  const canWrite = allows(session, 'sal.write');
  const [editing, setEditing] = useState(false);
  const [newAt, setNewAt] = useState<string | null | false>(false);
  useEffect(() => {
    void beneficiario.load(id);
  }, [id]);
  const b = data?.id === id ? data : null;
  if (!b) {
    return (
      <>
        <PageTitle documentTitle="Beneficiario SAL">Beneficiario SAL</PageTitle>
        <ErrorAlert error={error} />
        {error ? <Link href={href(salPath.tab('beneficiari'))}>Torna ai beneficiari</Link> : <CircularProgress aria-label="Caricamento del beneficiario" />}
      </>
    );
  }
  const f = b.fields;
  return (
    <>
      <Link href={href(salPath.tab('beneficiari'))}>← Beneficiari</Link>
      <PageTitle documentTitle="Beneficiario SAL" subtitle={[b.codiceFiscale || 'Codice fiscale non indicato', b.comune, `cartella ${b.caseNumero}`].filter(Boolean).join(' · ')}>
        {b.cognome} {b.nome}
      </PageTitle>
      <Section id="sal-profilo" title="Profilo" actions={canWrite ? <Button onClick={() => setEditing(true)}>Modifica</Button> : null}>
        <Typography>
          Inviato da: {f.invianteServizio}
          {f.invianteOperatore ? ` (${f.invianteOperatore})` : ''} · <Link href={href(`/cartelle/${b.caseId}`)}>Apri la cartella</Link>
        </Typography>
        <Typography>
          {[
            f.l68 ? `L. 68/99${f.l68Percentuale !== null ? ` (${f.l68Percentuale}%)` : ''}` : null,
            f.l104 ? 'L. 104/92' : null,
            f.cpiIscritto ? `Iscritto al CPI${f.cpiData ? ` dal ${formatDate(f.cpiData)}` : ''}` : 'Non iscritto al CPI',
            f.titoloStudio || null,
            f.patente ? `Patente ${f.patente}` : null,
            f.mezzi || null,
            f.disponibilita || null,
            f.distanzaMaxKm !== null ? `fino a ${f.distanzaMaxKm} km` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {f.competenze ? <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>Competenze: {f.competenze}</Typography> : null}
        {f.aspettative ? <Typography sx={{ whiteSpace: 'pre-wrap' }}>Aspettative: {f.aspettative}</Typography> : null}
        <Typography sx={{ mt: 1 }}>IBAN: {f.iban || 'non indicato'}</Typography>
      </Section>
      <PathSection b={b} canWrite={canWrite} />
      <Section
        id="sal-tirocini"
        title="Tirocini"
        actions={
          canWrite ? (
            <Button startIcon={<AddOutlined />} onClick={() => setNewAt(null)}>
              Nuovo tirocinio
            </Button>
          ) : null
        }
      >
        {b.tirocini.length === 0 ? <Typography color="text.secondary">Nessun tirocinio.</Typography> : null}
        <List dense>
          {b.tirocini.map((t) => (
            <ListItem key={t.id} disableGutters>
              <ListItemText
                primary={<Link href={href(salPath.tirocinio(t.id))}>{`${t.azienda}: dal ${formatDate(t.inizio)} al ${formatDate(t.fineEffettiva)}`}</Link>}
                secondary={`${REGIME_LABELS[t.regime]} · ${t.oreSettimanali} ore a settimana · ${t.esito ? ESITO_LABELS[t.esito as Esito] : STATO_TIROCINIO_LABELS[t.stato]}`}
              />
            </ListItem>
          ))}
        </List>
      </Section>
      {b.stato === 'attivo' ? <MatchingSection b={b} onPropose={canWrite ? (aziendaId) => setNewAt(aziendaId) : null} /> : null}
      {editing ? <EditDialog b={b} onClose={() => setEditing(false)} /> : null}
      {newAt !== false ? (
        <TirocinioDialog
          beneficiarioId={b.id}
          aziendaId={newAt}
          tutorPromotoreId={session.user.id}
          onClose={() => setNewAt(false)}
          onSaved={(tid) => navigate(salPath.tirocinio(tid))}
        />
      ) : null}
    </>
  );
}

function EditDialog({ b, onClose }: { b: BeneficiarioDetail; onClose: () => void }) {
  const [fields, setFields] = useState<BeneficiarioFields>(b.fields);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const problem = checkWithSchema(FieldsSchema, fields, 'fields');
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await updateBeneficiario({ id: b.id, fields });
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  return (
    <FormDialog open title="Modifica il profilo SAL" submitLabel="Salva" busy={busy} error={error} onSubmit={() => void submit()} onClose={onClose} maxWidth="md">
      <BeneficiarioForm value={fields} onChange={setFields} error={error} />
    </FormDialog>
  );
}
