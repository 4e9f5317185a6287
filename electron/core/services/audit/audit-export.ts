import type { AuditFilterData, AuditRowData } from '../../../../shared/contracts/audit';
import { AUDIT_EXPORT_MAX } from '../../../../shared/contracts/audit';
import { AppError } from '../../../../shared/domain/errors';
import type { Sheet } from '../../files/spreadsheet';

const OUTCOME: Record<AuditRowData['outcome'], string> = { ok: 'consentito', denied: 'negato', error: 'errore' };

const timeFormat = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The log's rows as one sheet: the same columns as the viewer, times in Rome, ids kept for cross-checks. */
export function auditSheet(log: 'data' | 'admin', rows: readonly AuditRowData[]): Sheet {
  if (rows.length > AUDIT_EXPORT_MAX) {
    throw new AppError('VALIDATION', `Le registrazioni scelte sono più di ${AUDIT_EXPORT_MAX.toLocaleString('it-IT')}: restringi il periodo o i filtri.`);
  }
  return {
    name: log === 'data' ? 'Accessi ai dati' : 'Azioni amministrative',
    columns: [
      { header: 'N.', kind: 'number', width: 8 },
      { header: 'Data e ora', kind: 'text', width: 20 },
      { header: 'Utente', kind: 'text', width: 18 },
      { header: 'Profilo', kind: 'text', width: 18 },
      { header: 'Postazione', kind: 'text', width: 18 },
      { header: 'Azione', kind: 'text', width: 24 },
      { header: 'Tipo di soggetto', kind: 'text', width: 14 },
      { header: 'Id del soggetto', kind: 'text', width: 38 },
      { header: 'Soggetto', kind: 'text', width: 28 },
      { header: 'Finalità', kind: 'text', width: 20 },
      { header: 'Esito', kind: 'text', width: 12 },
      { header: 'Dettaglio', kind: 'text', width: 50 },
    ],
    rows: rows.map((r) => [
      r.seq,
      timeFormat.format(new Date(r.at)).replace(',', ''),
      r.username,
      r.profile,
      r.workstation,
      r.action,
      r.subjectType,
      r.subjectId,
      r.subjectLabel,
      r.purpose,
      OUTCOME[r.outcome],
      r.detail,
    ]),
  };
}

/** What the filters were, in words, for the export's own audit row. */
export function describeFilter(f: Pick<AuditFilterData, 'outcome' | 'username' | 'action' | 'soggetto' | 'dal' | 'al'>): string {
  const parts = [
    f.dal || f.al ? `periodo ${f.dal ?? '…'} – ${f.al ?? '…'}` : null,
    f.username ? `utente ${f.username}` : null,
    f.action ? `azione ${f.action}` : null,
    f.soggetto ? 'soggetto indicato' : null,
    f.outcome ? `esito ${OUTCOME[f.outcome]}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? 'senza filtri' : parts.join(', ');
}
