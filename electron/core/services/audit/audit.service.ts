import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { ChainReportData } from '../../../../shared/contracts/audit';
import type { Actor, ChainWalk } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';
import type { AnchorComparison, AnchorWrite } from './audit-anchors';
import { toAuditQuery } from './audit-period';
import { AUDIT_EXPORT_MAX, type AuditRowData } from '../../../../shared/contracts/audit';
import { auditSheet, describeFilter } from './audit-export';
import type { Sheet } from '../../files/spreadsheet';

/** Where the chains' anchors are kept and checked (the vault, which holds the key). */
export interface AnchorKeeper {
  compareWithAnchor(): AnchorComparison;
  anchorNow(): AnchorWrite | null;
}

/** Reading the logs is itself an administrative action, and is logged. */
export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly anchors: AnchorKeeper | null = null,
  ) {}

  list(actor: Actor, filter: ParsedInputOf<'audit.list'>): OutputOf<'audit.list'> {
    // Rows of list views still in the batch are part of the log being read.
    this.store.writer.flushAudit();
    const result = this.store.audit.list(filter.log, { ...toAuditQuery(filter), beforeSeq: filter.beforeSeq, limit: filter.limit });
    this.store.writer.record(actor, {
      log: 'admin',
      action: 'audit.list',
      subjectType: 'registro',
      subjectLabel: filter.log === 'data' ? 'Accessi ai dati' : 'Azioni amministrative',
    });
    return result;
  }

  /**
   * The rows the filters select, as a sheet (at most AUDIT_EXPORT_MAX). The export is logged in
   * the admin log with the filters and the number of rows, in the same act.
   */
  exportSheet(actor: Actor, filter: ParsedInputOf<'audit.export'>): { sheet: Sheet; rows: AuditRowData[] } {
    this.store.writer.flushAudit();
    const rows = this.store.audit.select(filter.log, toAuditQuery(filter), AUDIT_EXPORT_MAX + 1);
    const sheet = auditSheet(filter.log, rows);
    this.store.writer.record(actor, {
      log: 'admin',
      action: 'audit.export',
      subjectType: 'registro',
      subjectLabel: filter.log === 'data' ? 'Accessi ai dati' : 'Azioni amministrative',
      detail: `${rows.length} registrazioni in ${filter.formato.toUpperCase()}, ${describeFilter(filter)}`,
    });
    return { sheet, rows };
  }

  /**
   * Walk both chains, then compare their heads with the newest anchor kept outside the
   * database; a clean result is anchored in turn.
   */
  verify(actor: Actor): { data: ChainReportData; admin: ChainReportData; checkedAt: string } {
    this.store.writer.flushAudit();
    const anchors = this.anchors?.compareWithAnchor() ?? null;
    const report = {
      data: withAnchor(this.store.audit.verify('data'), anchors?.data ?? null),
      admin: withAnchor(this.store.audit.verify('admin'), anchors?.admin ?? null),
      checkedAt: new Date().toISOString(),
    };
    this.store.writer.record(actor, {
      log: 'admin',
      action: 'audit.verify',
      outcome: report.data.ok && report.admin.ok ? 'ok' : 'error',
      detail: `Accessi ai dati: ${describe(report.data)}; azioni amministrative: ${describe(report.admin)}`,
    });
    if (report.data.ok && report.admin.ok) this.anchors?.anchorNow();
    return report;
  }
}

const NO_KEEPER: AnchorComparison['data'] = { status: 'none', at: null, seq: null, brokenAt: null, message: 'nessun ancoraggio esterno ancora' };

/** The walk's own break comes first: it names the exact row; the anchor's break is about the head. */
function withAnchor(walk: ChainWalk, check: AnchorComparison['data'] | null): ChainReportData {
  const { brokenAt, ...anchor } = check ?? NO_KEEPER;
  const anchorBroken = anchor.status !== 'ok' && anchor.status !== 'none';
  if (!walk.ok || !anchorBroken) return { ...walk, anchor };
  return { ok: false, checked: walk.checked, firstBroken: brokenAt === null ? null : { seq: brokenAt, reason: anchor.message }, anchor };
}

function describe(r: ChainReportData): string {
  if (r.ok) return `integro (${r.checked})`;
  return r.firstBroken ? `interrotto alla n. ${r.firstBroken.seq}` : `ancoraggio non valido (${r.anchor.status})`;
}
