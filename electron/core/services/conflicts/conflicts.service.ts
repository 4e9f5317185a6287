import type { ParsedInputOf } from '../../../../shared/contracts';
import type { ConflictData, ConflictListData, ConflictRecordField } from '../../../../shared/contracts/conflicts';
import { AppError } from '../../../../shared/domain/errors';
import { parseHlc } from '../../../../shared/domain/hlc';
import { can, forbiddenMessage } from '../../../../shared/domain/permissions';
import type { ConflictRow } from '../../db/repositories/sync.repo';
import type { WritableTable } from '../../db/schema';
import { mayUse } from '../../ipc/resource-guard';
import type { AuditEntry } from '../../db/repositories/audit.repo';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { displayValue, fieldLabel } from './field-labels';
import { ADMIN_KIND_LABELS, RECORD_KINDS, isFreeText } from './record-kinds';

/** One cell with open conflicts: its winner and every losing head. */
interface Cell {
  tbl: string;
  rowId: string;
  col: string;
  winner: string;
  losers: ConflictRow[];
}

/** How the caller stands to a conflict's record: nothing (not listed), reading, or also editing. */
interface Standing {
  resolvable: boolean;
  label: string | null;
  record: { field: ConflictRecordField; id: string } | null;
}

const KEY_SLOTS = 'user_key_slots';

const RESOLVED = 'Questo conflitto è già stato risolto (qui o in un’altra sede): l’elenco è stato aggiornato.';

/**
 * The Conflitti view: concurrent edits of one field at two workstations, with both values, for
 * the records the caller may read; settled by keeping one version or, for free text, a merged
 * text, written through the writer over every version (so the decision syncs and closes the
 * conflict at every sede).
 */
export class ConflictsService {
  constructor(private readonly ctx: WorkContext) {}

  private readonly labelOf = (node: string): string | null => this.store.syncNodes.get(node)?.label ?? null;

  private get store() {
    return this.ctx.store;
  }

  list(): ConflictListData {
    const conflicts = this.visible();
    if (conflicts.length > 0) {
      // A list view of personal data: one batched row, as for search results.
      this.store.writer.recordBatched(this.ctx.actor, {
        log: 'data',
        action: 'conflicts.list',
        subjectType: 'conflitti',
        detail: conflicts.length === 1 ? '1 conflitto' : `${conflicts.length} conflitti`,
      });
    }
    return { conflicts };
  }

  count(): { count: number } {
    return { count: this.visible().length };
  }

  resolve(input: ParsedInputOf<'conflicts.resolve'>): ConflictListData {
    this.checkProfile(input);
    const loser = this.store.sync.conflicts().find((c) => c.loser_hlc === input.conflict && c.tbl !== KEY_SLOTS);
    if (!loser) throw new AppError('NOT_FOUND', RESOLVED);
    const cell = this.cells().find((c) => c.tbl === loser.tbl && c.rowId === loser.row_id && c.col === loser.col)!;
    const standing = this.standing(cell);
    if (!standing?.resolvable) throw new AppError('FORBIDDEN', 'Non puoi modificare questo dato: il conflitto lo risolve chi può modificarlo.');
    // The router checked the record named in the input; it must be this conflict's record.
    if (standing.record && input[standing.record.field] !== standing.record.id) {
      throw new AppError('VALIDATION', 'La decisione non corrisponde al conflitto scelto: ricarica l’elenco e riprova.');
    }
    const mergeable = isFreeText(cell.tbl, cell.col);
    let json: string;
    let detail: string;
    if (input.keep !== undefined) {
      const stamps = [cell.winner, ...cell.losers.map((l) => l.loser_hlc)];
      if (!stamps.includes(input.keep)) throw new AppError('NOT_FOUND', RESOLVED);
      json = this.store.sync.changeValue(input.keep)!;
      detail = `${fieldLabel(cell.col)}: mantenuta la versione ${input.keep === cell.winner ? 'attuale' : 'alternativa'} (${workstationOf(input.keep, this.ownNode(), this.labelOf)})`;
    } else {
      if (!mergeable) throw new AppError('VALIDATION', 'Questo campo non è un testo libero: scegli una delle versioni.', 'merged');
      json = JSON.stringify(input.merged);
      detail = `${fieldLabel(cell.col)}: testi uniti`;
    }
    const kind = RECORD_KINDS[cell.tbl];
    const personId = kind ? this.personOf(cell) : null;
    const entry = {
      log: 'data' as const,
      action: 'conflicts.resolve',
      subjectType: personId ? 'persona' : 'dato',
      subjectId: personId,
      subjectLabel: standing.label,
      detail: `${kind?.label ?? ADMIN_KIND_LABELS[cell.tbl] ?? 'Dato'} · ${detail}`,
    };
    this.store.writer.transaction(() => {
      if (cell.tbl === 'diary_entries' && cell.col === 'testo') keepDiscardedTexts(this.ctx, cell, json, entry);
      this.store.writer.resolveConflict(this.ctx.actor, cell.tbl as WritableTable, cell.rowId, { [cell.col]: JSON.parse(json) as string | number | null }, entry);
    });
    return { conflicts: this.visible() };
  }

  /**
   * The profile's right to change the kind of record the input names (persona.write for a
   * person, diary.write for a diary entry; the zone's records: zone.manage), before anything is
   * looked up, and refused with an audit row as the router refuses.
   */
  private checkProfile(input: ParsedInputOf<'conflicts.resolve'>): void {
    const named = Object.values(RECORD_KINDS).filter((k) => input[k.field] !== undefined);
    if (named.length > 1) throw new AppError('VALIDATION', 'La decisione non corrisponde al conflitto scelto: ricarica l’elenco e riprova.');
    const action = named[0]?.writeAction ?? 'zone.manage';
    if (can(this.ctx.profile, action)) return;
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'conflicts.resolve', outcome: 'denied', detail: `Profilo senza il permesso ${action}` });
    throw new AppError('FORBIDDEN', forbiddenMessage(this.ctx.profile, action));
  }

  private visible(): ConflictData[] {
    const own = this.ownNode();
    const out: ConflictData[] = [];
    for (const cell of this.cells()) {
      const standing = this.standing(cell);
      if (!standing) continue;
      const versions = [cell.winner, ...cell.losers.map((l) => l.loser_hlc)].map((stamp, i) => {
        const value = i === 0 ? this.store.sync.changeValue(stamp) : cell.losers[i - 1]!.value;
        const parsed = parseHlc(stamp);
        return {
          stamp,
          value: value === null ? '' : displayValue(value),
          current: i === 0,
          writtenAt: parsed ? new Date(parsed.millis).toISOString() : '',
          workstation: workstationOf(stamp, own, this.labelOf),
          node: parsed?.node ?? '',
        };
      });
      out.push({
        id: cell.losers[0]!.loser_hlc,
        recordKind: RECORD_KINDS[cell.tbl]?.label ?? ADMIN_KIND_LABELS[cell.tbl] ?? 'Altro dato',
        recordLabel: standing.label,
        field: fieldLabel(cell.col),
        mergeable: isFreeText(cell.tbl, cell.col),
        resolvable: standing.resolvable,
        record: standing.record,
        versions,
      });
    }
    return out;
  }

  /** Open conflicts grouped by cell, in a stable order (the same at every sede). */
  private cells(): Cell[] {
    const cells = new Map<string, Cell>();
    for (const c of this.store.sync.conflicts()) {
      // Two passwords set side by side: the newer by the clock opens every sede, the other nothing.
      // No one's work is in a key slot, and a person choosing the older would bring back a password.
      if (c.tbl === KEY_SLOTS) continue;
      const key = `${c.tbl}\u0000${c.row_id}\u0000${c.col}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { tbl: c.tbl, rowId: c.row_id, col: c.col, winner: c.winner_hlc, losers: [] }));
      cell.losers.push(c);
    }
    return [...cells.values()];
  }

  /** Null: the caller may not read the record (the conflict is not shown, nor counted). */
  private standing(cell: Cell): Standing | null {
    const { ctx } = this;
    const kind = RECORD_KINDS[cell.tbl];
    if (!kind) {
      // Zone settings, templates, users: the administration's, with no one's file behind them.
      if (!can(ctx.profile, 'zone.manage')) return null;
      return { resolvable: true, label: null, record: null };
    }
    const read = kind.read(ctx.store, cell.rowId);
    if (!read || !can(ctx.profile, kind.readAction) || !mayUse(ctx, read.ref, read.id, 'conflicts.list')) return null;
    const resolvable = can(ctx.profile, kind.writeAction) && mayUse(ctx, kind.write, cell.rowId, 'conflicts.resolve');
    return { resolvable, label: kind.title(ctx.store, cell.rowId), record: { field: kind.field, id: cell.rowId } };
  }

  private personOf(cell: Cell): string | null {
    const read = RECORD_KINDS[cell.tbl]?.read(this.store, cell.rowId);
    if (!read) return null;
    if (read.ref.startsWith('person:')) return read.id;
    if (read.ref === 'case:read') return this.store.cases.byId(read.id)?.person_id ?? null;
    if (read.ref === 'diary:read') {
      const entry = this.store.content.diaryEntry(read.id);
      return entry ? (this.store.cases.byId(entry.case_id)?.person_id ?? null) : null;
    }
    return this.store.agenda.byId(read.id)?.person_id ?? null;
  }

  private ownNode(): string {
    return this.store.writer.getMeta('node_id') ?? '';
  }
}

/**
 * A diary text set aside by the decision stays readable in the entry's earlier versions
 * ("Versioni precedenti"), whole: a conflict never makes a colleague's note disappear.
 */
function keepDiscardedTexts(ctx: WorkContext, cell: Cell, chosen: string, entry: AuditEntry): void {
  const row = ctx.store.content.diaryEntry(cell.rowId);
  if (!row) return;
  const values = [ctx.store.sync.changeValue(cell.winner), ...cell.losers.map((l) => l.value)];
  const discarded = [...new Set(values.filter((v): v is string => v !== null && v !== chosen))];
  // Each set-aside text is an earlier version of its own, numbered on from the entry's.
  discarded.forEach((json, i) => {
    ctx.store.writer.insert(
      ctx.actor,
      'diary_versions',
      uuidv7(),
      {
        entry_id: row.id,
        versione: row.versione + i,
        tipo: row.tipo,
        data: row.data,
        ora: row.ora,
        luogo: row.luogo,
        partecipanti: row.partecipanti,
        testo: JSON.parse(json) as string,
        riservato: row.riservato,
        autore_id: row.autore_id,
        sostituita_il: nowIso(ctx),
      },
      { ...entry, detail: 'Versione in conflitto conservata' },
    );
  });
  // Over every head of the cell: both sedi bumped it to the same number when they edited, so a
  // plain update would leave the other head open as a new conflict.
  if (discarded.length > 0)
    ctx.store.writer.resolveConflict(ctx.actor, 'diary_entries', row.id, { versione: row.versione + discarded.length }, { ...entry, detail: 'Numero di versione aggiornato' });
}

/** The workstation that wrote a version, as a person reads it: this one, the name it was paired with, or its short id. */
function workstationOf(stamp: string, own: string, labelOf: (node: string) => string | null): string {
  const node = parseHlc(stamp)?.node ?? '';
  if (node === own) return 'Questa postazione';
  const label = labelOf(node);
  return label ? `Postazione «${label}»` : `Postazione ${node.slice(0, 8)}`;
}
