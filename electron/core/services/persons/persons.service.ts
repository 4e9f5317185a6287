import type { ParsedInputOf } from '../../../../shared/contracts';
import type { PersonCheckData, PersonDetailData, PersonSummaryData } from '../../../../shared/contracts/persons';
import { ISEE_ALERT_DAYS, type EsitoAccesso, type IseeTipo, type Parentela } from '../../../../shared/domain/cartella';
import { cfMismatches, decodeCf, omocodiaRoot, validateCf } from '../../../../shared/domain/codice-fiscale';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { PERSON_SCOPE } from '../../../../shared/domain/permissions';
import type { PersonRow } from '../../db/repositories/persons.repo';
import { uuidv7 } from '../../ids';
import { personVisible } from '../cases/case-access';
import { hiddenPersons } from '../rights/hidden-persons';
import { nowIso, today, type WorkContext } from '../work-context';
import { fullName, personColumns, toCaseSummary, toPersonData, toPersonSummary } from './person-mapping';
import type { PlaceNames } from './place-names';
import { searchPersons } from './person-search';
import { conteggio, nato } from '../../../../shared/domain/italian';

const HIDDEN_DUPLICATE = 'Esiste già una persona con questo codice fiscale: rivolgiti a un’assistente sociale.';

/** Anagrafica, nucleo, ISEE and desk accessi: the person side of the cartella sociale. */
export class PersonsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly places: PlaceNames,
  ) {}

  private get store() {
    return this.ctx.store;
  }

  private zoneComuni: Map<string, string> | null = null;

  private comuneName = (istat: string): string | null => {
    this.zoneComuni ??= new Map(this.store.zone.get().comuni.map((c) => [c.istat, c.nome]));
    return this.zoneComuni.get(istat) ?? this.places.byIstat(istat);
  };

  search(input: ParsedInputOf<'persons.search'>): { results: PersonSummaryData[]; more: boolean } {
    if (PERSON_SCOPE[this.ctx.profile] === 'none') throw new AppError('FORBIDDEN');
    const found = searchPersons(this.ctx, input, this.comuneName);
    // A list view: the row is batched (written within a second), unlike opening a person.
    this.store.writer.recordBatched(this.ctx.actor, {
      log: 'data',
      action: 'persons.search',
      subjectType: 'ricerca',
      detail: `«${input.query.slice(0, 60)}»: ${conteggio(found.results.length, 'risultato', 'risultati')}`,
    });
    return found;
  }

  check(input: ParsedInputOf<'persons.check'>): PersonCheckData {
    const result: PersonCheckData = {
      codiceFiscale: { valid: false, message: null, provvisorio: false, decoded: null },
      warnings: [],
      duplicateOf: null,
      similar: [],
      avviso: null,
    };
    let birthDate = input.dataNascita;
    if (input.codiceFiscale !== '') {
      const v = validateCf(input.codiceFiscale);
      if (!v.ok) {
        result.codiceFiscale.message = v.message;
      } else {
        result.codiceFiscale.valid = true;
        result.codiceFiscale.provvisorio = v.kind === 'provvisorio';
        if (v.kind === 'persona') {
          const decoded = decodeCf(v.cf, today(this.ctx));
          if (decoded) {
            result.codiceFiscale.decoded = {
              dataNascita: decoded.birthDate,
              sesso: decoded.sex,
              luogoNascita: decoded.belfiore,
              luogoNascitaNome: this.places.byBelfiore(decoded.belfiore),
            };
            birthDate ??= decoded.birthDate;
          }
          result.warnings = cfMismatches(v.cf, this.typedData(input), today(this.ctx));
          const dup = this.store.persons.byCfRoot(omocodiaRoot(v.cf));
          if (dup && dup.id !== input.id) result.duplicateOf = this.summaries([dup])[0] ?? null;
        } else {
          const dup = this.store.persons.byCfRoot(v.cf);
          if (dup && dup.id !== input.id) result.duplicateOf = this.summaries([dup])[0] ?? null;
        }
      }
    }
    if (input.cognome.trim() && input.nome.trim() && birthDate) {
      const similar = this.store.persons.similar(input.cognome.trim(), input.nome.trim(), birthDate, input.id).filter((p) => p.id !== result.duplicateOf?.id);
      result.similar = this.summaries(similar);
    }
    // Someone the user may not see is only said to exist: no name, code, address or case number.
    // A restricted person (art. 18) is hidden from this search too, but for the coordinator.
    const restricted = hiddenPersons(this.ctx);
    const listable = (id: string) => personVisible(this.ctx, id) && !restricted.has(id);
    const hiddenDuplicate = result.duplicateOf !== null && !listable(result.duplicateOf.id);
    const hiddenSimilar = result.similar.filter((p) => !listable(p.id));
    // Probing a code leaves a trace on that person's access report, even when nothing is shown.
    for (const hidden of [...(hiddenDuplicate && result.duplicateOf ? [result.duplicateOf] : []), ...hiddenSimilar]) {
      this.store.writer.record(this.ctx.actor, {
        log: 'data',
        action: 'persons.check',
        subjectType: 'persona',
        subjectId: hidden.id,
        detail: 'Possibile doppione segnalato senza mostrarne i dati',
      });
    }
    if (hiddenDuplicate) result.duplicateOf = null;
    if (hiddenSimilar.length > 0) result.similar = result.similar.filter((p) => !hiddenSimilar.includes(p));
    if (hiddenDuplicate) result.avviso = HIDDEN_DUPLICATE;
    else if (hiddenSimilar.length > 0)
      result.avviso = 'Esiste già una persona con lo stesso nome e la stessa data di nascita: rivolgiti a un’assistente sociale prima di crearne una nuova.';
    for (const found of [result.duplicateOf, ...result.similar]) {
      if (found) {
        this.store.writer.record(this.ctx.actor, {
          log: 'data',
          action: 'persons.check',
          subjectType: 'persona',
          subjectId: found.id,
          subjectLabel: fullName(found),
          detail: 'Possibile doppione segnalato durante l’inserimento',
        });
      }
    }
    return result;
  }

  get({ id }: ParsedInputOf<'persons.get'>): PersonDetailData {
    const row = this.mustGet(id);
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'persons.get', subjectType: 'persona', subjectId: id, subjectLabel: fullName(row) });
    return this.detail(row);
  }

  create(fields: ParsedInputOf<'persons.create'>): PersonDetailData {
    const { cf, root } = this.checkedCf(fields.codiceFiscale, null);
    const id = uuidv7();
    this.store.writer.insert(
      this.ctx.actor,
      'persons',
      id,
      { ...personColumns(fields, cf, root), created_at: nowIso(this.ctx) },
      {
        log: 'data',
        action: 'persons.create',
        subjectType: 'persona',
        subjectId: id,
        subjectLabel: fullName(fields),
      },
    );
    return this.detail(this.mustGet(id));
  }

  update(fields: ParsedInputOf<'persons.update'>): PersonDetailData {
    const { id } = fields;
    this.mustGet(id);
    const { cf, root } = this.checkedCf(fields.codiceFiscale, id);
    this.store.writer.update(this.ctx.actor, 'persons', id, personColumns(fields, cf, root), {
      log: 'data',
      action: 'persons.update',
      subjectType: 'persona',
      subjectId: id,
      subjectLabel: fullName(fields),
    });
    return this.detail(this.mustGet(id));
  }

  saveIsee(input: ParsedInputOf<'isee.save'>): PersonDetailData {
    const person = this.mustGet(input.personId);
    if (input.dsuData && input.scadenza < input.dsuData) throw new AppError('VALIDATION', 'La scadenza non può precedere la data della DSU.', 'scadenza');
    const values = {
      person_id: input.personId,
      anno: input.anno,
      tipo: input.tipo,
      ise_cents: input.iseCents,
      isee_cents: input.iseeCents,
      dsu_protocollo: input.dsuProtocollo,
      dsu_data: input.dsuData,
      scadenza: input.scadenza,
    };
    const entry = { log: 'data' as const, action: 'isee.save', subjectType: 'persona', subjectId: person.id, subjectLabel: fullName(person), detail: `ISEE ${input.anno}` };
    if (input.id) {
      const before = this.store.isee.byId(input.id);
      if (!before || before.person_id !== input.personId) throw new AppError('NOT_FOUND', 'ISEE non trovato.');
      this.store.writer.update(this.ctx.actor, 'isee', input.id, values, entry);
    } else {
      this.store.writer.insert(this.ctx.actor, 'isee', uuidv7(), { ...values, created_at: nowIso(this.ctx) }, entry);
    }
    return this.detail(person);
  }

  createAccesso(input: ParsedInputOf<'accessi.create'>): PersonDetailData {
    const person = this.mustGet(input.personId);
    if (!this.store.zone.sede(input.sedeId)) throw new AppError('VALIDATION', 'La sede scelta non esiste.', 'sedeId');
    if (input.data > today(this.ctx)) throw new AppError('VALIDATION', 'Un accesso non può avere una data futura.', 'data');
    this.store.writer.insert(
      this.ctx.actor,
      'accessi',
      uuidv7(),
      {
        person_id: input.personId,
        data: input.data,
        sede_id: input.sedeId,
        inviato_da: input.inviatoDa,
        motivo: input.motivo,
        esito: input.esito,
        note: input.note,
        operatore_id: this.ctx.userId,
        case_id: null,
        created_at: nowIso(this.ctx),
      },
      { log: 'data', action: 'accessi.create', subjectType: 'persona', subjectId: person.id, subjectLabel: fullName(person) },
    );
    return this.detail(person);
  }

  mustGet(id: string): PersonRow {
    const row = this.store.persons.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'Persona non trovata.');
    return row;
  }

  private typedData(input: Pick<ParsedInputOf<'persons.check'>, 'cognome' | 'nome' | 'dataNascita' | 'sesso' | 'luogoNascita'>) {
    return {
      ...(input.cognome.trim() ? { cognome: input.cognome } : {}),
      ...(input.nome.trim() ? { nome: input.nome } : {}),
      ...(input.dataNascita ? { birthDate: input.dataNascita } : {}),
      ...(input.sesso ? { sex: input.sesso } : {}),
      ...(input.luogoNascita ? { belfiore: input.luogoNascita } : {}),
    };
  }

  /** A valid code, or none; a second person with the same code (any omocodia form) is refused. */
  private checkedCf(typed: string, selfId: string | null): { cf: string | null; root: string | null } {
    if (typed === '') return { cf: null, root: null };
    const v = validateCf(typed);
    if (!v.ok) throw new AppError('VALIDATION', v.message, 'codiceFiscale');
    const root = v.kind === 'persona' ? omocodiaRoot(v.cf) : v.cf;
    const dup = this.store.persons.byCfRoot(root);
    if (dup && dup.id !== selfId) {
      if (!personVisible(this.ctx, dup.id) || hiddenPersons(this.ctx).has(dup.id)) throw new AppError('CONFLICT', HIDDEN_DUPLICATE, 'codiceFiscale');
      const born = dup.data_nascita ? `, ${nato(dup.sesso)} il ${formatItalianDate(dup.data_nascita)}` : '';
      throw new AppError('CONFLICT', `Esiste già una persona con questo codice fiscale: ${fullName(dup)}${born}. Apri la sua scheda invece di crearne una nuova.`, 'codiceFiscale');
    }
    return { cf: v.cf, root };
  }

  private summaries(rows: PersonRow[]): PersonSummaryData[] {
    const cases = this.store.cases.summariesForPersons(
      rows.map((r) => r.id),
      this.ctx.userId,
      today(this.ctx),
      nowIso(this.ctx),
    );
    return rows.map((r) => toPersonSummary(r, cases, this.comuneName));
  }

  detail(row: PersonRow): PersonDetailData {
    const t = today(this.ctx);
    const membership = this.store.households.activeMembership(row.id);
    const members = membership ? this.store.households.activeMembers(membership.household_id) : [];
    const alertFrom = addDays(t, ISEE_ALERT_DAYS);
    const warnings =
      row.codice_fiscale && row.codice_fiscale.length === 16
        ? cfMismatches(
            row.codice_fiscale,
            this.typedData({ cognome: row.cognome, nome: row.nome, dataNascita: row.data_nascita, sesso: row.sesso, luogoNascita: row.luogo_nascita }),
            t,
          )
        : [];
    return {
      person: toPersonData(row, this.places, this.comuneName),
      household: membership
        ? {
            id: membership.household_id,
            members: members.map((m) => ({
              memberId: m.id,
              personId: m.person_id,
              cognome: m.cognome,
              nome: m.nome,
              dataNascita: m.data_nascita,
              parentela: m.parentela as Parentela,
              convivente: m.convivente === 1,
              dal: m.dal,
            })),
          }
        : null,
      isee: this.store.isee.byPerson(row.id).map((i) => ({
        id: i.id,
        anno: i.anno,
        tipo: i.tipo as IseeTipo,
        iseCents: i.ise_cents,
        iseeCents: i.isee_cents,
        dsuProtocollo: i.dsu_protocollo,
        dsuData: i.dsu_data,
        scadenza: i.scadenza,
        scaduto: i.scadenza < t,
        inScadenza: i.scadenza >= t && i.scadenza <= alertFrom,
      })),
      accessi: this.store.accessi.byPerson(row.id).map((a) => ({
        id: a.id,
        data: a.data,
        sedeNome: a.sede_nome,
        inviatoDa: a.inviato_da,
        motivo: a.motivo,
        esito: a.esito as EsitoAccesso,
        note: a.note,
        operatore: a.operatore,
        caseNumero: a.case_numero,
      })),
      cases: this.store.cases.summariesForPersons([row.id], this.ctx.userId, t, nowIso(this.ctx)).map(toCaseSummary),
      warnings,
    };
  }
}
