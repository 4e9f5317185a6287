import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { DOCUMENT_STATI, DOCUMENT_STATO_LABELS, type DocumentStato } from '../../../shared/domain/letters';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../i18n/format';
import { allows } from '../session';
import { selectZone, useZoneStore } from '../zone';
import { DocumentButton } from './DocumentButton';
import { DocumentViewDialog } from './DocumentViewDialog';
import { ProtocolloDialog } from './ProtocolloDialog';
import { documentsOf, reprintDocument, scopeKey, setDocumentStatus, type DocumentRow, type DocumentScope, type PdfFile } from './store';

type Open = { kind: 'vedi'; doc: DocumentRow; file?: PdfFile } | { kind: 'protocollo'; doc: DocumentRow };

function ProtocolloCell({ doc }: { doc: DocumentRow }) {
  if (!doc.protocolloNumero) return <Typography color="text.secondary">Non registrato</Typography>;
  return (
    <span>
      n. <strong>{doc.protocolloNumero}</strong>
      {doc.protocolloData ? ` del ${formatDate(doc.protocolloData)}` : ''}
    </span>
  );
}

/**
 * The letters printed for a case (or for a person, across cases and without one): template and
 * version, status (changeable), recipient, protocol data as the Comune's register assigned it,
 * reprints marked as such; each opens as it was filed.
 */
export function DocumentsSection({ scope, sedeId, session, canPrint }: { scope: DocumentScope; sedeId: string | null; session: SessionInfoData; canPrint: boolean }) {
  const { data, error, loading } = documentsOf.useStore();
  const zone = useZoneStore(selectZone);
  const [open, setOpen] = useState<Open | null>(null);
  const [actionError, setActionError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const forCase = 'caseId' in scope;
  const id = forCase ? scope.caseId : scope.personId;
  useEffect(() => {
    void documentsOf.load(forCase ? { caseId: id } : { personId: id });
  }, [forCase, id]);
  const shown = data?.key === scopeKey(forCase ? { caseId: id } : { personId: id }) ? data.documents : null;
  const canProtocol = allows(session, 'protocol.write');
  const registro = zone?.sedi.find((s) => s.id === (sedeId ?? session.user.sedeId))?.comuneIstat ?? zone?.comuni[0]?.istat ?? '';

  const changeStatus = async (doc: DocumentRow, stato: DocumentStato) => {
    setActionError(null);
    try {
      await setDocumentStatus({ id: doc.id, stato });
    } catch (e) {
      setActionError(toShownError(e));
    }
  };
  const reprint = async (doc: DocumentRow) => {
    setActionError(null);
    setBusy(doc.id);
    try {
      const file = await reprintDocument(doc.id);
      setOpen({ kind: 'vedi', doc: { ...doc, id: file.documentId, ristampaDi: doc.id }, file });
    } catch (e) {
      setActionError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  const rows = [...(shown ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section
      id={forCase ? 'pannello-documenti' : 'documenti-persona'}
      title="Documenti"
      actions={
        canPrint ? <DocumentButton session={session} subject={forCase ? { kind: 'cartella', id } : { kind: 'persona', id }} label="Nuovo documento" variant="contained" /> : null
      }
    >
      <ErrorAlert error={error ?? actionError} />
      {loading && !shown ? <CircularProgress aria-label="Caricamento dei documenti" /> : null}
      {shown && rows.length === 0 ? <Typography>{forCase ? 'Nessun documento stampato per questa cartella.' : 'Nessun documento stampato per questa persona.'}</Typography> : null}
      {rows.length > 0 ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={forCase ? 'Documenti della cartella' : 'Documenti della persona'}>
            <TableHead>
              <TableRow>
                <TableCell>Documento</TableCell>
                <TableCell>Stato</TableCell>
                {forCase ? null : <TableCell>Cartella</TableCell>}
                <TableCell>Destinatario</TableCell>
                <TableCell>Protocollo</TableCell>
                <TableCell>Stampato</TableCell>
                <TableCell>Azioni</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((d) => (
                <TableRow key={d.id}>
                  <TableCell component="th" scope="row">
                    <strong>{d.titolo}</strong>
                    {d.ristampaDi ? <Chip label="Ristampa" size="small" color="secondary" variant="outlined" sx={{ ml: 1 }} /> : null}
                    <Typography variant="body2" color="text.secondary">
                      Versione del modello <code title={d.versione}>{d.versione.slice(0, 12)}</code>
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <select
                      aria-label={`Stato di ${d.titolo} del ${formatDateTime(d.createdAt)}`}
                      value={d.stato}
                      disabled={!canPrint}
                      onChange={(e) => void changeStatus(d, e.target.value as DocumentStato)}
                      style={{ font: 'inherit', padding: '4px 6px' }}
                    >
                      {DOCUMENT_STATI.map((s) => (
                        <option key={s} value={s}>
                          {DOCUMENT_STATO_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </TableCell>
                  {forCase ? null : <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.caseNumero ?? '—'}</TableCell>}
                  <TableCell>{d.destinatario || '—'}</TableCell>
                  <TableCell>
                    <ProtocolloCell doc={d} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(d.createdAt)}
                    <Typography variant="body2" color="text.secondary">
                      {d.autore}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                      <Button size="small" variant="outlined" onClick={() => setOpen({ kind: 'vedi', doc: d })} aria-label={`Apri ${d.titolo} del ${formatDateTime(d.createdAt)}`}>
                        Apri
                      </Button>
                      {canProtocol && !d.ristampaDi && !d.protocolloNumero ? (
                        <Button size="small" onClick={() => setOpen({ kind: 'protocollo', doc: d })} aria-label={`Protocollo di ${d.titolo} del ${formatDateTime(d.createdAt)}`}>
                          Registra protocollo
                        </Button>
                      ) : null}
                      {canPrint && !d.ristampaDi ? (
                        <Button size="small" onClick={() => void reprint(d)} loading={busy === d.id} aria-label={`Ristampa ${d.titolo} del ${formatDateTime(d.createdAt)}`}>
                          Ristampa
                        </Button>
                      ) : null}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
      {open?.kind === 'vedi' ? (
        <DocumentViewDialog
          id={open.doc.id}
          title={open.doc.ristampaDi ? `Ristampa: ${open.doc.titolo}` : open.doc.titolo}
          {...(open.file ? { preloaded: open.file } : {})}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'protocollo' ? <ProtocolloDialog doc={open.doc} defaultRegistro={registro} onClose={() => setOpen(null)} /> : null}
    </Section>
  );
}
