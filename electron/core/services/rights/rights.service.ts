import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { RightsStatusData } from '../../../../shared/contracts/rights';
import { formatLongItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { can } from '../../../../shared/domain/permissions';
import type { PersonRow } from '../../db/repositories/persons.repo';
import { uuidv7 } from '../../ids';
import type { PdfRenderer } from '../letters/pdf-renderer';
import { nowIso, today, type WorkContext } from '../work-context';
import { exportBundle } from './export-bundle';
import { gatherExport } from './export-data';
import { EXPORT_TITLE, exportHtml } from './export-pdf';

/** What the export needs besides the database: the PDF printer, the connection's downloads and progress events. */
export interface RightsDeps {
  pdf: PdfRenderer;
  startDownload: (bytes: Buffer) => string;
  progress: (done: number, total: number, label: string) => void;
}

const label = (p: PersonRow) => `${p.cognome} ${p.nome}`;

/** GDPR art. 15 (the access export) and art. 18 (restriction of processing), for one person. */
export class RightsService {
  constructor(private readonly ctx: WorkContext) {}

  private person(personId: string): PersonRow {
    const person = this.ctx.store.persons.byId(personId);
    if (!person) throw new AppError('NOT_FOUND', 'Persona non trovata.');
    return person;
  }

  status({ personId }: { personId: string }): RightsStatusData {
    const { store, profile } = this.ctx;
    const manages = can(profile, 'rights.manage');
    const history = store.rights.restrictions(personId).map((r) => ({
      dal: r.dal,
      motivo: r.motivo,
      dispostaDa: r.disposta_da_nome,
      revocataIl: r.revocata_il,
      revocataDa: r.revocata_da_nome,
      motivoRevoca: r.motivo_revoca,
    }));
    const current = history.find((r) => r.revocataIl === null) ?? null;
    // Everyone who may open the person sees that it is restricted; the reasons and history are the coordinator's.
    return { limitazione: current && (manages ? current : { ...current, motivo: '' }), storico: manages ? history : [], puoGestire: manages };
  }

  restrict({ personId, motivo }: ParsedInputOf<'rights.restrict'>): RightsStatusData {
    const { store } = this.ctx;
    const person = this.person(personId);
    if (store.rights.activeRestriction(personId)) throw new AppError('CONFLICT', 'Il trattamento di questa persona è già limitato.');
    store.writer.insert(
      this.ctx.actor,
      'person_restrictions',
      uuidv7(),
      { person_id: personId, dal: nowIso(this.ctx), motivo, disposta_da: this.ctx.userId, revocata_il: null, revocata_da: null, motivo_revoca: '' },
      {
        log: 'data',
        action: 'rights.restrict',
        subjectType: 'persona',
        subjectId: personId,
        subjectLabel: label(person),
        purpose: 'Limitazione del trattamento (art. 18 GDPR)',
        detail: motivo,
      },
    );
    return this.status({ personId });
  }

  lift({ personId, motivo }: ParsedInputOf<'rights.lift'>): RightsStatusData {
    const { store } = this.ctx;
    const person = this.person(personId);
    const active = store.rights.activeRestriction(personId);
    if (!active) throw new AppError('CONFLICT', 'Il trattamento di questa persona non è limitato.');
    store.writer.update(
      this.ctx.actor,
      'person_restrictions',
      active.id,
      { revocata_il: nowIso(this.ctx), revocata_da: this.ctx.userId, motivo_revoca: motivo },
      {
        log: 'data',
        action: 'rights.lift',
        subjectType: 'persona',
        subjectId: personId,
        subjectLabel: label(person),
        purpose: 'Revoca della limitazione del trattamento (art. 18 GDPR)',
        detail: motivo,
      },
    );
    return this.status({ personId });
  }

  /**
   * Everything held about the person and who accessed it: a PDF to hand over and a ZIP of JSON
   * and CSV. Audited once, after the data is read, so the export itself is the log's last row
   * for the next request. File names carry the date only.
   */
  async export({ personId }: ParsedInputOf<'rights.export'>, deps: RightsDeps): Promise<OutputOf<'rights.export'>> {
    const { store } = this.ctx;
    const person = this.person(personId);
    deps.progress(0, 3, 'Raccolta dei dati');
    const sections = gatherExport(store, personId);
    const day = today(this.ctx);
    const subject = { nominativo: label(person), codiceFiscale: person.codice_fiscale ?? '' };
    const operatore = store.users.byId(this.ctx.userId)?.fullName ?? '';
    const made = { data: formatLongItalianDate(day), luogoData: formatLongItalianDate(day), operatore };
    deps.progress(1, 3, 'Preparazione del PDF');
    const pdf = await deps.pdf.render(exportHtml(store, subject, made, sections));
    deps.progress(2, 3, 'Preparazione dei file JSON e CSV');
    const bundle = exportBundle(subject, day, sections);
    const righe = Object.fromEntries(sections.map((s) => [s.key, s.rows.length]));
    store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'rights.export',
      subjectType: 'persona',
      subjectId: personId,
      subjectLabel: label(person),
      purpose: EXPORT_TITLE,
      detail: `PDF e ZIP: ${sections.reduce((n, s) => n + s.rows.length, 0)} righe in ${sections.length} sezioni`,
    });
    deps.progress(3, 3, 'Fatto');
    return {
      pdf: { nome: `accesso-dati-${day}.pdf`, mime: 'application/pdf', dimensione: pdf.length, downloadId: deps.startDownload(pdf) },
      bundle: { nome: `accesso-dati-${day}.zip`, mime: 'application/zip', dimensione: bundle.length, downloadId: deps.startDownload(bundle) },
      righe,
    };
  }
}
