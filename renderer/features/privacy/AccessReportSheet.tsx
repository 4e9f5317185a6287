import { createPortal } from 'react-dom';
import { formatDate, formatDateTime } from '../../i18n/format';
import { actionLabel, profileLabel } from '../../i18n/action-labels';
import type { AccessReport } from './store';

export const OUTCOME_LABELS: Record<string, string> = { ok: 'consentito', denied: 'negato', error: 'errore' };

const cell = { border: '0.5pt solid #000', padding: '3pt 4pt', textAlign: 'left', verticalAlign: 'top', overflowWrap: 'anywhere' } as const;

/** The printed answer to "who accessed my file": portalled beside #root, printed alone (PRINT_STYLES). */
export function AccessReportSheet({ report, zoneName, printedBy }: { report: AccessReport; zoneName: string; printedBy: string }) {
  const p = report.person;
  return createPortal(
    <div className="udc-print-sheet" aria-hidden="true">
      <h1>Registro delle consultazioni</h1>
      <p className="udc-print-meta">
        Ufficio della Cittadinanza — {zoneName}
        <br />
        Persona: {p.cognome} {p.nome}
        {p.codiceFiscale ? `, codice fiscale ${p.codiceFiscale}` : ''}
        <br />
        Stampato il {formatDate(new Date())} da {printedBy} · {report.rows.length} registrazioni
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: '9pt' }}>
        <thead>
          <tr>
            {['Data e ora', 'Utente', 'Profilo', 'Postazione', 'Azione', 'Oggetto', 'Finalità', 'Esito'].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r, i) => (
            <tr key={i}>
              <td style={cell}>{formatDateTime(r.at)}</td>
              <td style={cell}>{r.username ?? '—'}</td>
              <td style={cell}>{profileLabel(r.profile)}</td>
              <td style={cell}>{r.workstation}</td>
              <td style={cell}>{actionLabel(r.action)}</td>
              <td style={cell}>{r.oggetto ?? '—'}</td>
              <td style={cell}>{r.purpose ?? '—'}</td>
              <td style={cell}>{OUTCOME_LABELS[r.outcome] ?? r.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
