import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { addDays, formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { AgendaService } from '../agenda/agenda.service';
import type { WorkContext } from '../work-context';
import type { LetterPage } from './layout';
import { LettersService, pdfName, type LetterDeps } from './letters.service';

const STATO_SKIP: Record<string, string> = {
  annullato: 'appuntamento annullato',
  svolto: 'appuntamento già svolto',
  assente: 'appuntamento già segnato come assenza',
};

/**
 * The convocazioni for a sede's appointments on one day, in one PDF. Each letter is checked as
 * a single one would be; what cannot be printed is skipped with its reason (no address, a
 * cancelled appointment, a person the user may not see, a missing field), never printed wrong.
 * Progress goes to the caller's connection as `progress` events (task `letters.batch`).
 */
export class BatchService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: LetterDeps,
  ) {}

  async convocazioni({ template, sedeId, data }: ParsedInputOf<'letters.batch'>): Promise<OutputOf<'letters.batch'>> {
    const { store } = this.ctx;
    const sede = store.zone.sede(sedeId);
    if (!sede) throw new AppError('NOT_FOUND', 'Sede non trovata.');
    // The day's listing, read (and audited) as the agenda reads it.
    const occurrences = new AgendaService(this.ctx)
      .list({ from: data, to: addDays(data, 1), userIds: [], sedeId, roomId: null }, 'letters.batch')
      .occurrences.filter((o) => o.sedeId === sedeId)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const letters = new LettersService(this.ctx, this.deps);
    const pages: LetterPage[] = [];
    const saltati: OutputOf<'letters.batch'>['saltati'] = [];
    let titolo = 'Convocazione';
    let printed = 0;
    occurrences.forEach((occ, i) => {
      this.deps.progress(i, occurrences.length, `Convocazioni: ${i} di ${occurrences.length}`);
      const ora = occ.start.slice(11, 16);
      const skip = (motivo: string, persona = occ.personName ?? 'persona non visibile') => saltati.push({ appointmentId: occ.appointmentId, ora, persona, motivo });
      if (!occ.personId) {
        const row = store.agenda.byId(occ.appointmentId);
        if (!row?.person_id) return skip('appuntamento senza una persona (riunione, sportello)', '—');
        // The listing leaves a restricted person unnamed (art. 18): no letter either, and no name here.
        const motivo = store.rights.activeRestriction(row.person_id) ? 'appuntamento riservato: la convocazione non si stampa' : 'persona non collegata alle tue cartelle';
        return skip(motivo, 'persona non visibile');
      }
      const statoSkip = STATO_SKIP[occ.stato];
      if (statoSkip) return skip(statoSkip);
      // GDPR art. 18: no letters to a restricted person; the batch names no one in its input, so the router cannot check it.
      if (store.rights.activeRestriction(occ.personId)) return skip('trattamento limitato (art. 18 GDPR)');
      try {
        const letter = letters.letter({ template, appointmentId: occ.appointmentId, occurrenceDate: occ.occurrenceDate ?? undefined }, { parti: {} });
        titolo = letter.template.titolo;
        const { mancanti } = letter.composed;
        if (mancanti.some((m) => m.campo === 'destinatario')) return skip('manca l’indirizzo (residenza o domicilio)');
        if (mancanti.length > 0) return skip(`mancano: ${mancanti.map((m) => m.label.toLowerCase()).join(', ')}`);
        pages.push(letter.composed.page);
        printed += 1;
        store.writer.recordBatched(this.ctx.actor, {
          log: 'data',
          action: 'letters.batch',
          subjectType: 'persona',
          subjectId: occ.personId,
          subjectLabel: occ.caseNumero ? `${occ.caseNumero} · ${titolo}` : titolo,
          detail: `Convocazione stampata in blocco, versione ${letter.template.versione.slice(0, 12)}`,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skip(error.code === 'FORBIDDEN' ? 'persona non collegata alle tue cartelle' : error.message);
      }
    });
    this.deps.progress(occurrences.length, occurrences.length, 'Composizione del PDF');
    store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'letters.batch',
      subjectType: 'agenda',
      subjectLabel: `Convocazioni della sede di ${sede.nome} per il ${formatItalianDate(data)}`,
      detail: `${printed} stampate, ${saltati.length} saltate`,
    });
    if (pages.length === 0) return { stampate: 0, saltati, file: null };
    const bytes = await this.deps.pdf.render(letters.html(titolo, pages));
    return { stampate: printed, saltati, file: { nomeFile: pdfName(template, data, '-in-blocco'), dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) } };
  }
}
