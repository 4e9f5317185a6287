import type { DiaryEntryData } from '../../../../shared/contracts/cases';
import type { DiaryType } from '../../../../shared/domain/cartella';
import { can } from '../../../../shared/domain/permissions';
import type { DiaryRow } from '../../db/repositories/case-content.repo';
import type { WorkContext } from '../work-context';
import { canReadDiary, diaryEditBlock, type CaseAccess } from './case-access';

/**
 * The one model of a diary entry as a user sees it, for the case page and the entry dialog:
 * a riservato note shows only that it exists unless the user may read it, and "modificabile"
 * is the router's `diary:write` rule (diaryEditBlock) with the profile's `diary.write`.
 */
export function toDiaryEntry(ctx: WorkContext, d: DiaryRow, named: readonly { id: string; full_name: string }[], access: CaseAccess): DiaryEntryData {
  const namedIds = named.map((n) => n.id);
  const readable = canReadDiary(ctx, d, namedIds);
  return {
    id: d.id,
    tipo: d.tipo as DiaryType,
    data: d.data,
    ora: d.ora,
    luogo: readable ? d.luogo : '',
    partecipanti: readable ? d.partecipanti : '',
    testo: readable ? d.testo : null,
    riservato: d.riservato === 1,
    autore: d.autore,
    autoreId: d.autore_id,
    versione: d.versione,
    nominati: named.map((n) => ({ id: n.id, fullName: n.full_name })),
    modificabile: can(ctx.profile, 'diary.write') && diaryEditBlock(ctx, access, d, namedIds) === null,
    inConflitto: readable && ctx.store.sync.inConflict('diary_entries', d.id),
  };
}
