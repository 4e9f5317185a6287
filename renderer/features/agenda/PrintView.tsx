import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import { APPOINTMENT_STATO_LABELS, APPOINTMENT_TIPO_LABELS } from '../../../shared/domain/agenda';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { printableDay, type AgendaFilter } from './store';

const PRINT_CSS = `
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body * { visibility: hidden; }
  #agenda-print, #agenda-print * { visibility: visible; }
  #agenda-print { position: absolute; left: 0; top: 0; width: 100%; }
  .no-print { display: none !important; }
}
#agenda-print { font-family: 'Titillium Web', sans-serif; color: #000; }
#agenda-print table { width: 100%; border-collapse: collapse; font-size: 11pt; }
#agenda-print th, #agenda-print td { border-bottom: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
`;

/** The day's agenda of an operator or a sede, on A4: printed with the browser's own dialog. */
export function PrintView({ filter, date, onClose }: { filter: AgendaFilter; date: string; onClose: () => void }) {
  const [data, setData] = useState<OutputOf<'agenda.print'> | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    const sedeId = filter.kind === 'sede' ? filter.id : null;
    const userId = filter.kind === 'operatore' ? filter.id : null;
    printableDay({ data: date, userId, sedeId })
      .then(setData)
      .catch((e: unknown) => setError(toShownError(e)));
  }, [filter, date]);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Stack direction="row" spacing={2} className="no-print" sx={{ mb: 2 }}>
        <Button onClick={onClose}>Torna all’agenda</Button>
        <Button variant="contained" onClick={() => window.print()} disabled={!data}>
          Stampa
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      {data ? (
        <article id="agenda-print">
          <h1 style={{ fontSize: '16pt', margin: '0 0 4pt' }}>{data.titolo}</h1>
          <p style={{ margin: '0 0 10pt' }}>
            Giorno {formatDate(data.data)}
            {data.festivi.length ? ` · ${data.festivi.map((f) => f.name).join(', ')}` : ''}
          </p>
          {data.occurrences.length === 0 ? (
            <p>Nessun appuntamento.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Orario</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Con</th>
                  <th scope="col">Dove</th>
                  <th scope="col">Operatori</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {data.occurrences.map((o) => (
                  <tr key={o.key}>
                    <td>
                      {o.start.slice(11)}–{o.end.slice(11)}
                    </td>
                    <td>{APPOINTMENT_TIPO_LABELS[o.tipo]}</td>
                    <td>{o.personName ?? (o.riservato ? 'riservato' : '—')}</td>
                    <td>{[o.sedeNome, o.roomNome, o.comuneNome, o.indirizzo].filter(Boolean).join(', ')}</td>
                    <td>{o.operators.map((x) => x.fullName).join(', ')}</td>
                    <td>{APPOINTMENT_STATO_LABELS[o.stato]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ) : null}
    </>
  );
}
