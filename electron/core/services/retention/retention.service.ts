import { createHash } from 'node:crypto';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { ScartoData } from '../../../../shared/contracts/retention';
import { AREE, type Area } from '../../../../shared/domain/cartella';
import { addYears } from './retention-dates';
import { AppError } from '../../../../shared/domain/errors';
import type { ScartoRow } from '../../db/repositories/records.repo';
import type { AttachmentStore } from '../../files/attachment-store';
import { uuidv7 } from '../../ids';
import { nowIso, today, type WorkContext } from '../work-context';
import { caseFileBundle, cellsToErase } from './case-file-bundle';
import { contentsOf, isKept, keptExportId, readKept } from './scarto-archive';
import { sealExport } from './scarto-export';

export interface RetentionDeps {
  files: () => AttachmentStore;
  startDownload: (bytes: Buffer) => string;
}

function autorizzazioneOf(row: ScartoRow): string {
  return `${row.autorizzazione_ente}, n. ${row.autorizzazione_numero} del ${row.autorizzazione_data.split('-').reverse().join('/')}`;
}

function toScarto(row: ScartoRow, numeri: string[], conservato: boolean): ScartoData {
  return {
    id: row.id,
    stato: row.stato,
    cartelle: numeri.length,
    numeri,
    autorizzazione: autorizzazioneOf(row),
    esportatoIl: row.esportato_il,
    eseguitoIl: row.eseguito_il,
    sha256: row.export_sha256,
    dimensione: row.export_dimensione,
    conservato,
  };
}

/**
 * Conservazione e scarto. A closed case file older than the zone's retention is listed; the
 * scarto is two acts, each audited: the export (authorisation recorded, the files sealed with
 * the user's passphrase, its hash kept), then the erasure, refused unless the window hands back
 * that hash. The case rows stay (number, dates, sede, state) with the scarto's id: the trace.
 */
export class RetentionService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: RetentionDeps,
  ) {}

  private cutoff(): { anni: number; chiuseEntro: string } {
    const s = this.ctx.store.records.settings();
    if (!s) throw new AppError('NOT_SET_UP');
    return { anni: s.anni, chiuseEntro: addYears(today(this.ctx), -s.anni) };
  }

  candidates(): OutputOf<'retention.candidates'> {
    const { anni, chiuseEntro } = this.cutoff();
    const cases = this.ctx.store.records.candidates(chiuseEntro).map((c) => ({
      id: c.id,
      numero: c.numero,
      persona: `${c.cognome} ${c.nome}`,
      area: AREE[c.area as Area]?.label ?? c.area,
      sede: c.sede,
      apertaIl: c.aperta_il,
      chiusaIl: c.chiusa_il,
    }));
    const files = this.deps.files();
    const scarti = this.ctx.store.records.scarti().map((r) => toScarto(r, this.ctx.store.records.numeri(JSON.parse(r.case_ids) as string[]), isKept(files, r.id)));
    this.ctx.store.writer.record(this.ctx.actor, {
      log: 'admin',
      action: 'retention.candidates',
      subjectType: 'conservazione',
      subjectLabel: 'Cartelle da riesaminare per lo scarto',
      detail: `${cases.length} cartelle chiuse entro il ${chiuseEntro}`,
    });
    return { conservazioneAnni: anni, chiuseEntro, cases, scarti };
  }

  /** Each case file must be closed, past the retention and not emptied already. */
  private checkEligible(caseIds: readonly string[]): void {
    const { anni, chiuseEntro } = this.cutoff();
    for (const id of caseIds) {
      const c = this.ctx.store.records.caseState(id);
      if (!c) throw new AppError('NOT_FOUND', 'Cartella non trovata.');
      if (c.scarto_id !== null) throw new AppError('CONFLICT', `La cartella ${c.numero} è già stata scartata.`);
      if (c.stato !== 'chiuso' || c.chiusa_il === null || c.chiusa_il > chiuseEntro) {
        throw new AppError('VALIDATION', `La cartella ${c.numero} non è chiusa da più di ${anni} anni: non può essere scartata.`);
      }
    }
  }

  export(input: ParsedInputOf<'retention.export'>): OutputOf<'retention.export'> {
    const caseIds = [...new Set(input.caseIds)];
    this.checkEligible(caseIds);
    if (input.autorizzazione.data > today(this.ctx)) throw new AppError('VALIDATION', 'La data dell’autorizzazione è nel futuro.', 'autorizzazione.data');
    const at = nowIso(this.ctx);
    const sealed = sealExport(caseFileBundle(this.ctx.store, this.deps.files(), { caseIds, autorizzazione: input.autorizzazione, note: input.note, at }), input.passphrase);
    const sha256 = createHash('sha256').update(sealed).digest('hex');
    const id = uuidv7();
    // Kept before the row that names it: a failure in between leaves a sealed file and no scarto.
    this.deps.files().write(keptExportId(id), sealed);
    const a = input.autorizzazione;
    this.ctx.store.writer.insert(
      this.ctx.actor,
      'scarti',
      id,
      {
        stato: 'esportato',
        case_ids: JSON.stringify(caseIds),
        autorizzazione_ente: a.ente,
        autorizzazione_numero: a.numero,
        autorizzazione_data: a.data,
        note: input.note,
        export_sha256: sha256,
        export_dimensione: sealed.length,
        esportato_da: this.ctx.userId,
        esportato_il: at,
        eseguito_da: null,
        eseguito_il: null,
        celle: '[]',
      },
      {
        log: 'admin',
        action: 'retention.export',
        subjectType: 'scarto',
        subjectId: id,
        detail: `${caseIds.length} cartelle (${this.ctx.store.records.numeri(caseIds).join(', ')}); autorizzazione ${a.ente} n. ${a.numero} del ${a.data}; esportazione cifrata sha256 ${sha256}`,
      },
    );
    const day = today(this.ctx);
    return { scartoId: id, nomeFile: `scarto-${day}-${id.slice(-8)}.udcscarto`, dimensione: sealed.length, downloadId: this.deps.startDownload(sealed), sha256 };
  }

  execute(input: ParsedInputOf<'retention.execute'>): OutputOf<'retention.execute'> {
    const s = this.ctx.store.records.scarto(input.scartoId);
    if (!s) throw new AppError('NOT_FOUND', 'Scarto non trovato.');
    if (s.stato === 'eseguito') throw new AppError('CONFLICT', 'Questo scarto è già stato eseguito.');
    if (s.export_sha256 !== input.sha256) throw new AppError('VALIDATION', 'L’esportazione indicata non è quella di questo scarto: ripeti l’esportazione.');
    const caseIds = JSON.parse(s.case_ids) as string[];
    this.checkEligible(caseIds);
    const { rows, files } = cellsToErase(this.ctx.store, caseIds);
    const at = nowIso(this.ctx);
    const celle = JSON.stringify(rows.map((r) => [r.table, r.id, Object.keys(r.values)]));
    const n = this.ctx.store.writer.erase(
      this.ctx.actor,
      {
        log: 'admin',
        action: 'retention.execute',
        subjectType: 'scarto',
        subjectId: s.id,
        detail: `${caseIds.length} cartelle svuotate (${rows.length} righe, ${files.length} file); autorizzazione ${s.autorizzazione_ente} n. ${s.autorizzazione_numero} del ${s.autorizzazione_data}; esportazione sha256 ${s.export_sha256}`,
      },
      rows,
      (w) => {
        for (const caseId of caseIds) w.update('cases', caseId, { scarto_id: s.id });
        w.update('scarti', s.id, { stato: 'eseguito', eseguito_da: this.ctx.userId, eseguito_il: at, celle });
      },
    );
    this.ctx.store.writer.setMeta(`scarto.dimenticato.${s.id}`, at);
    // The files go only after the rows naming them are committed: a failure before leaves both.
    const store = this.deps.files();
    for (const f of files) store.remove(f.name);
    return { cartelle: caseIds.length, celle: n, file: files.length };
  }

  private mustScarto(id: string): ScartoRow {
    const row = this.ctx.store.records.scarto(id);
    if (!row) throw new AppError('NOT_FOUND', 'Scarto non trovato.');
    return row;
  }

  private auditKept(action: string, row: ScartoRow, detail: string): void {
    this.ctx.store.writer.record(this.ctx.actor, { log: 'admin', action, subjectType: 'scarto', subjectId: row.id, detail });
  }

  /** The kept export decrypted here and listed; a wrong passphrase is refused and audited as such. */
  open({ scartoId, passphrase }: ParsedInputOf<'retention.open'>): OutputOf<'retention.open'> {
    const row = this.mustScarto(scartoId);
    const sealed = readKept(this.deps.files(), row);
    try {
      const contents = contentsOf(row, sealed, passphrase, autorizzazioneOf(row));
      this.auditKept('retention.open', row, `Esportazione dello scarto aperta: ${contents.cartelle.length} cartelle, ${contents.righe} righe, ${contents.allegati} file`);
      return contents;
    } catch (error) {
      if (error instanceof AppError)
        this.ctx.store.writer.record(this.ctx.actor, { log: 'admin', action: 'retention.open', subjectType: 'scarto', subjectId: row.id, outcome: 'error', detail: error.message });
      throw error;
    }
  }

  /** The kept export handed out again, byte for byte as it was made. */
  saveCopy({ scartoId }: ParsedInputOf<'retention.saveCopy'>): OutputOf<'retention.saveCopy'> {
    const row = this.mustScarto(scartoId);
    const sealed = readKept(this.deps.files(), row);
    this.auditKept('retention.saveCopy', row, `Copia dell’esportazione cifrata salvata (sha256 ${row.export_sha256})`);
    return {
      nomeFile: `scarto-${row.esportato_il.slice(0, 10)}-${row.id.slice(-8)}.udcscarto`,
      dimensione: sealed.length,
      downloadId: this.deps.startDownload(sealed),
      sha256: row.export_sha256,
    };
  }
}
