import type { AuditLogName, AuditRowData, ChainReportData } from '../../../../shared/contracts/audit';
import type { Actor } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';

/** Reading the logs is itself an administrative action, and is logged. */
export class AuditService {
  constructor(private readonly store: Store) {}

  list(
    actor: Actor,
    filter: { log: AuditLogName; outcome: 'ok' | 'denied' | 'error' | null; username: string | null; beforeSeq: number | null; limit: number },
  ): { rows: AuditRowData[]; hasMore: boolean } {
    const result = this.store.audit.list(filter.log, filter);
    this.store.writer.record(actor, {
      log: 'admin',
      action: 'audit.list',
      subjectType: 'registro',
      subjectLabel: filter.log === 'data' ? 'Accessi ai dati' : 'Azioni amministrative',
    });
    return result;
  }

  verify(actor: Actor): { data: ChainReportData; admin: ChainReportData; checkedAt: string } {
    const report = { data: this.store.audit.verify('data'), admin: this.store.audit.verify('admin'), checkedAt: new Date().toISOString() };
    this.store.writer.record(actor, {
      log: 'admin',
      action: 'audit.verify',
      outcome: report.data.ok && report.admin.ok ? 'ok' : 'error',
      detail: `Accessi ai dati: ${describe(report.data)}; azioni amministrative: ${describe(report.admin)}`,
    });
    return report;
  }
}

function describe(r: ChainReportData): string {
  return r.ok ? `integro (${r.checked})` : `interrotto alla n. ${r.firstBroken?.seq ?? '?'}`;
}
