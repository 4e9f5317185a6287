import type { ParsedInputOf } from '../../../../shared/contracts';
import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { DIARY_TYPES, type DiaryType } from '../../../../shared/domain/cartella';
import { formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { can } from '../../../../shared/domain/permissions';
import type { DiaryRow } from '../../db/repositories/case-content.repo';
import { uuidv7 } from '../../ids';
import { nowIso, today, type WorkContext } from '../work-context';
import { grantedAccess, mustGetCase } from './case-access';
import { toDiaryEntry } from './diary-entry';
import { CasesService } from './cases.service';

/** What a new entry and an edit have in common: the entry's fields. */
type DiaryFields = ParsedInputOf<'diary.create'> | ParsedInputOf<'diary.update'>;

/** The diary of contacts: dated entries, riservato notes, every earlier version kept. */
export class DiaryService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  create(input: ParsedInputOf<'diary.create'>): CaseDetailData {
    const { caseId } = input;
    const row = mustGetCase(this.ctx, caseId);
    this.checkInput(input);
    const id = uuidv7();
    const entry = this.entry(row.person_id, row.numero, input, 'diary.create');
    this.store.writer.transaction(() => {
      this.store.writer.insert(
        this.ctx.actor,
        'diary_entries',
        id,
        {
          case_id: caseId,
          tipo: input.tipo,
          data: input.data,
          ora: input.ora,
          luogo: input.luogo,
          partecipanti: input.partecipanti,
          testo: input.testo,
          riservato: input.riservato ? 1 : 0,
          autore_id: this.ctx.userId,
          versione: 1,
          created_at: nowIso(this.ctx),
        },
        entry,
      );
      this.nameUsers(id, input.nominati, entry);
    });
    return new CasesService(this.ctx).reload(caseId);
  }

  /** Editing keeps the version it replaces, whole, in diary_versions. */
  update(input: ParsedInputOf<'diary.update'>): CaseDetailData {
    const { id } = input;
    const before = this.mustGet(id);
    const row = mustGetCase(this.ctx, before.case_id);
    const named = this.store.content.namedUserIds(id).map((n) => n.user_id);
    this.checkInput(input);
    const entry = this.entry(row.person_id, row.numero, input, 'diary.update');
    this.store.writer.transaction(() => {
      this.store.writer.insert(
        this.ctx.actor,
        'diary_versions',
        uuidv7(),
        {
          entry_id: id,
          versione: before.versione,
          tipo: before.tipo,
          data: before.data,
          ora: before.ora,
          luogo: before.luogo,
          partecipanti: before.partecipanti,
          testo: before.testo,
          riservato: before.riservato,
          autore_id: before.autore_id,
          sostituita_il: nowIso(this.ctx),
        },
        { ...entry, detail: `Versione ${before.versione} conservata` },
      );
      this.store.writer.update(
        this.ctx.actor,
        'diary_entries',
        id,
        {
          tipo: input.tipo,
          data: input.data,
          ora: input.ora,
          luogo: input.luogo,
          partecipanti: input.partecipanti,
          testo: input.testo,
          riservato: input.riservato ? 1 : 0,
          versione: before.versione + 1,
        },
        entry,
      );
      const already = new Set(named);
      this.nameUsers(
        id,
        input.nominati.filter((u) => !already.has(u)),
        entry,
      );
    });
    return new CasesService(this.ctx).reload(row.id);
  }

  get({ id }: ParsedInputOf<'diary.get'>) {
    const d = this.mustGet(id);
    const row = mustGetCase(this.ctx, d.case_id);
    const names = this.store.content.namedUsers(row.id).filter((n) => n.entry_id === id);
    this.store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'diary.get',
      subjectType: 'persona',
      subjectId: row.person_id,
      subjectLabel: `${row.numero} · ${DIARY_TYPES[d.tipo as DiaryType]} del ${formatItalianDate(d.data)}`,
      detail: d.riservato === 1 ? 'Nota riservata' : null,
    });
    return {
      entry: toDiaryEntry(this.ctx, d, names, grantedAccess(this.ctx, row)),
      versions: this.store.content.diaryVersions(id).map((v) => ({
        versione: v.versione,
        tipo: v.tipo as DiaryType,
        data: v.data,
        ora: v.ora,
        luogo: v.luogo,
        partecipanti: v.partecipanti,
        testo: v.testo,
        autore: v.autore,
        sostituitaIl: v.sostituita_il,
      })),
    };
  }

  private checkInput(input: DiaryFields): void {
    if (input.data > today(this.ctx)) throw new AppError('VALIDATION', 'Il diario registra ciò che è avvenuto: la data non può essere futura.', 'data');
    if (input.riservato && !can(this.ctx.profile, 'diary.reserved') && input.nominati.length === 0) {
      // A riservato note nobody but its author could read is allowed only to psicologi.
      throw new AppError('VALIDATION', 'Per una nota riservata indica chi può leggerla oltre a te.', 'nominati');
    }
    for (const userId of input.nominati) {
      const user = this.store.users.byId(userId);
      if (!user || user.disabled) throw new AppError('VALIDATION', 'Una delle persone indicate non è un utente attivo.', 'nominati');
    }
  }

  private nameUsers(entryId: string, nominati: readonly string[], entry: ReturnType<DiaryService['entry']>): void {
    for (const userId of new Set(nominati)) {
      this.store.writer.insert(
        this.ctx.actor,
        'diary_named_users',
        uuidv7(),
        { entry_id: entryId, user_id: userId },
        { ...entry, detail: 'Utente autorizzato alla nota riservata' },
      );
    }
  }

  private entry(personId: string, numero: string, input: DiaryFields, action: string) {
    return {
      log: 'data' as const,
      action,
      subjectType: 'persona',
      subjectId: personId,
      subjectLabel: `${numero} · ${DIARY_TYPES[input.tipo]} del ${formatItalianDate(input.data)}`,
      detail: input.riservato ? 'Nota riservata' : null,
    };
  }

  private mustGet(id: string): DiaryRow {
    const d = this.store.content.diaryEntry(id);
    if (!d) throw new AppError('NOT_FOUND', 'Annotazione non trovata.');
    return d;
  }
}
