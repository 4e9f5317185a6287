import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { can } from '../../../../shared/domain/permissions';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD, effectiveThreshold } from '../../../../shared/domain/report/suppression';
import { toCsv, toXlsx } from '../../files/spreadsheet';
import type { PdfRenderer } from '../letters/pdf-renderer';
import type { WorkContext } from '../work-context';
import { reportHtml } from './report-html';
import { reportSheet } from './report-sheet';
import { buildReport, type BuiltReport } from './report-tables';

export interface ReportDeps {
  pdf: PdfRenderer;
  startDownload: (bytes: Buffer) => string;
}

type Period = ParsedInputOf<'reports.quarter'>;

/**
 * The Report section: one quarter, every fixed grouping. On screen the coordinator sees the exact
 * figure behind a hidden count; the files that leave the office (CSV, XLSX, PDF) never carry it.
 */
export class ReportsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: ReportDeps,
  ) {}

  threshold(): number {
    return effectiveThreshold(this.ctx.store.reports.threshold() ?? DEFAULT_THRESHOLD);
  }

  quarter(input: Period): OutputOf<'reports.quarter'> {
    const report = this.build(input);
    const esatti = can(this.ctx.profile, 'reports.exact');
    this.audit('reports.quarter', report, esatti ? 'Consultazione a schermo, con i conteggi esatti' : 'Consultazione a schermo');
    const cell = (value: number, hidden: boolean) => ({ valore: hidden && !esatti ? null : value, nascosto: hidden });
    return {
      anno: report.anno,
      trimestre: report.trimestre,
      dal: report.dal,
      al: report.al,
      titolo: report.titolo,
      soglia: report.soglia,
      esatti,
      sezioni: report.sezioni.map((s) => ({
        dimensione: s.dimensione,
        titolo: s.titolo,
        tabelle: s.tabelle.map((t) => ({
          id: t.id,
          titolo: t.titolo,
          unita: t.unita,
          colonne: t.colonne,
          nota: t.nota,
          righe: t.etichette.map((etichetta, i) => ({ etichetta, celle: t.grid[i]!.map((v, j) => cell(v, t.hidden[i]![j]!)) })),
          totali: t.grid[t.etichette.length]!.map((v, j) => cell(v, t.hidden[t.etichette.length]![j]!)),
        })),
      })),
    };
  }

  export(input: ParsedInputOf<'reports.export'>): OutputOf<'reports.export'> {
    const report = this.build(input);
    const sheet = reportSheet(report);
    const bytes = input.formato === 'csv' ? toCsv(sheet) : toXlsx(sheet);
    this.audit('reports.export', report, `Esportazione ${input.formato.toUpperCase()} con i conteggi sotto ${report.soglia} nascosti`);
    return {
      nome: `report-${report.anno}-T${report.trimestre}.${input.formato}`,
      mime: input.formato === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dimensione: bytes.length,
      downloadId: this.deps.startDownload(bytes),
    };
  }

  async print(input: Period): Promise<OutputOf<'reports.print'>> {
    const report = this.build(input);
    const zone = this.ctx.store.zone.get();
    const bytes = await this.deps.pdf.render(reportHtml(report, zone?.nome ?? ''));
    this.audit('reports.print', report, `Stampa PDF con i conteggi sotto ${report.soglia} nascosti`);
    return { nome: `report-${report.anno}-T${report.trimestre}.pdf`, mime: 'application/pdf', dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }

  settings(): OutputOf<'reports.settings'> {
    return { soglia: this.threshold(), minima: MIN_THRESHOLD, massima: MAX_THRESHOLD };
  }

  saveThreshold({ soglia }: ParsedInputOf<'reports.saveSoglia'>): OutputOf<'reports.saveSoglia'> {
    const { store } = this.ctx;
    const zoneId = store.zone.zoneId();
    if (!zoneId) throw new AppError('NOT_SET_UP');
    store.writer.update(
      this.ctx.actor,
      'zone',
      zoneId,
      { report_soglia: soglia },
      { log: 'admin', action: 'reports.saveSoglia', subjectType: 'zona', detail: `Report: conteggi inferiori a ${soglia} nascosti` },
    );
    return { ok: true };
  }

  private build(input: Period): BuiltReport {
    return buildReport(this.ctx.store.reports, input.anno, input.trimestre, this.threshold());
  }

  private audit(action: string, report: BuiltReport, detail: string): void {
    this.ctx.store.writer.record(this.ctx.actor, {
      log: 'admin',
      action,
      subjectType: 'report',
      subjectLabel: report.titolo,
      detail,
    });
  }
}
