import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { formatDateTime } from '../../i18n/format';
import { formatBytes } from '../../i18n/money';
import { Section } from '../../components/Section';
import { PreviewDialog } from './PreviewDialog';
import { UploadForm } from './UploadForm';

const TYPE_LABELS: Record<string, string> = { pdf: 'PDF', png: 'Immagine PNG', jpeg: 'Immagine JPEG', docx: 'Word', odt: 'OpenDocument', txt: 'Testo' };

export function AttachmentsTab({ detail, canWrite }: { detail: CaseDetailData; canWrite: boolean }) {
  const [open, setOpen] = useState<{ id: string; nome: string } | null>(null);
  const rows = [...detail.attachments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section id="pannello-allegati" title="Allegati">
      {canWrite ? <UploadForm caseId={detail.id} /> : null}
      {rows.length === 0 ? (
        <Typography>Nessun allegato.</Typography>
      ) : (
        <Table size="small" aria-label="Allegati della cartella">
          <TableHead>
            <TableRow>
              <TableCell>Nome</TableCell>
              <TableCell>Tipo</TableCell>
              <TableCell align="right">Dimensione</TableCell>
              <TableCell>Descrizione</TableCell>
              <TableCell>Caricato da</TableCell>
              <TableCell>Data</TableCell>
              <TableCell>Azioni</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id}>
                <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>
                  {a.nome}
                  {a.avviso ? (
                    <Box component="span" sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', mt: 0.5, color: 'warning.dark', fontWeight: 400, fontSize: '0.875rem' }}>
                      <WarningAmberOutlined fontSize="small" aria-hidden />
                      <span>{a.avviso}</span>
                    </Box>
                  ) : null}
                </TableCell>
                <TableCell>{TYPE_LABELS[a.tipo] ?? a.tipo}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(a.dimensione)}
                </TableCell>
                <TableCell>{a.descrizione || '—'}</TableCell>
                <TableCell>{a.autore}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.createdAt)}</TableCell>
                <TableCell>
                  <Button size="small" variant="outlined" onClick={() => setOpen({ id: a.id, nome: a.nome })} aria-label={`Apri ${a.nome}`}>
                    Apri
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open ? <PreviewDialog attachmentId={open.id} name={open.nome} onClose={() => setOpen(null)} /> : null}
    </Section>
  );
}
