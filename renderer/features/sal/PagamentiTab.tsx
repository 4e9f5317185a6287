import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { todayInRome } from '../../../shared/domain/dates';
import { conteggio } from '../../../shared/domain/italian';
import { hiddenPaymentsNote } from '../../../shared/domain/restriction';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { formatEuro } from '../../i18n/money';
import { monthLabel } from './CruscottoTab';
import { exportPayments, pagamenti } from './store';

/** 'YYYY-MM', `by` months from this one. */
function monthFromNow(by: number): string {
  const [y, m] = todayInRome().split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The months offered: two years back, one ahead, newest first (in Italian whatever the browser's language). */
const MONTH_CHOICES = Array.from({ length: 37 }, (_, i) => monthFromNow(12 - i));

/** The month's payment list: every active tirocinio, its amount and how it was computed. */
export function PagamentiTab() {
  const [month, setMonth] = useState(() => monthFromNow(-1));
  const { data, error } = pagamenti.useStore();
  const [exportError, setExportError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void pagamenti.load(month);
  }, [month]);
  const shown = data?.month === month ? data : null;
  const save = async (formato: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      setSaved(await exportPayments(month, formato));
    } catch (e) {
      setExportError(toShownError(e));
    }
  };
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }} className="no-print">
        <SelectField label="Mese" value={month} onChange={setMonth}>
          {MONTH_CHOICES.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </SelectField>
        <Button variant="outlined" onClick={() => void save('csv')} disabled={!shown}>
          Esporta CSV
        </Button>
        <Button variant="outlined" onClick={() => void save('xlsx')} disabled={!shown}>
          Esporta Excel (XLSX)
        </Button>
        <Button variant="outlined" onClick={() => window.print()} disabled={!shown}>
          Stampa
        </Button>
      </Stack>
      <ErrorAlert error={error ?? exportError} />
      {saved ? (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          Salvato il file {saved}.
        </Alert>
      ) : null}
      {shown ? (
        <>
          <Typography variant="h2" sx={{ fontSize: '1.2rem', mb: 1 }}>
            Elenco dei pagamenti di {monthLabel(month)}: {conteggio(shown.rows.length, 'tirocinio', 'tirocini')}
          </Typography>
          {shown.nascosti > 0 ? (
            <Alert severity="info" sx={{ mb: 2 }}>
              {hiddenPaymentsNote(shown.nascosti)}
            </Alert>
          ) : null}
          {shown.rows.some((r) => !r.presenzeInserite) ? (
            <Alert severity="warning" sx={{ mb: 2 }} className="no-print">
              Per alcuni tirocini le presenze del mese non sono ancora inserite: l’importo è zero finché non lo sono.
            </Alert>
          ) : null}
          <Table size="small" aria-label={`Pagamenti di ${monthLabel(month)}`}>
            <TableHead>
              <TableRow>
                <TableCell>Beneficiario</TableCell>
                <TableCell>IBAN</TableCell>
                <TableCell>Azienda</TableCell>
                <TableCell>Chi paga</TableCell>
                <TableCell align="right">Importo</TableCell>
                <TableCell>Calcolo</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.rows.map((r) => (
                <TableRow key={r.tirocinioId}>
                  <TableCell>{r.beneficiario}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.iban || 'non indicato'}</TableCell>
                  <TableCell>{r.azienda}</TableCell>
                  <TableCell>{r.pagatoDa || '—'}</TableCell>
                  <TableCell align="right">{formatEuro(r.importoCents)}</TableCell>
                  <TableCell sx={{ fontSize: '0.85rem' }}>{r.presenzeInserite ? r.spiegazione : `Presenze non inserite. ${r.spiegazione}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={4}>Totale</TableCell>
                <TableCell align="right">{formatEuro(shown.totaleCents)}</TableCell>
                <TableCell />
              </TableRow>
            </TableFooter>
          </Table>
        </>
      ) : null}
    </>
  );
}
