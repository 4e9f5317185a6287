import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import type { TemplateName } from '../../../../shared/domain/letters';
import type { RowWriter } from '../../db/writer';
import { nowIso, today, type WorkContext } from '../work-context';
import { compose } from './compose';
import { LettersService, pdfName, type LetterDeps } from './letters.service';
import { readLetterData, type SubjectInput } from './record-data';
import { SampleScope } from './scope';
import { builtinOf, currentTemplate, sourceProblems, versionHash, type CurrentTemplate } from './templates';

/**
 * The administrator's template editor: versions kept (each immutable, identified by its hash),
 * a new version refused with its reasons (unknown field, sensitive field in a letter going out),
 * the built-in original always restorable, a preview with sample data or a chosen record.
 */
export class TemplateAdminService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: LetterDeps,
  ) {}

  versions({ template }: ParsedInputOf<'letterTemplates.versions'>): OutputOf<'letterTemplates.versions'> {
    const { store } = this.ctx;
    const def = builtinOf(template);
    const current = currentTemplate(store, template).versione;
    const original = versionHash(def.titolo, def.sorgente);
    const stored = store.documents.versions(template);
    const versions = stored.map((v) => ({
      versione: v.id,
      sorgente: v.sorgente,
      titolo: v.titolo,
      originale: v.id === original,
      corrente: v.id === current,
      autore: v.autore,
      createdAt: v.created_at,
    }));
    // The built-in original is always listed, stored or not (it is stored when first used).
    if (!stored.some((v) => v.id === original)) {
      versions.push({ versione: original, sorgente: def.sorgente, titolo: def.titolo, originale: true, corrente: original === current, autore: 'Programma', createdAt: '' });
    }
    store.writer.record(this.ctx.actor, { log: 'admin', action: 'letterTemplates.versions', subjectType: 'modello', subjectLabel: def.titolo });
    return { versions };
  }

  save({ template, titolo, sorgente }: ParsedInputOf<'letterTemplates.save'>): OutputOf<'letterTemplates.save'> {
    const def = builtinOf(template);
    const problems = sourceProblems(def, sorgente);
    if (problems.length > 0) {
      throw new AppError(
        'VALIDATION',
        problems.join(' '),
        'sorgente',
        problems.map((message) => ({ field: 'sorgente', message })),
      );
    }
    const versione = versionHash(titolo, sorgente);
    this.makeCurrent(template, versione, 'letterTemplates.save', (rows) => this.storeVersion(rows, template, titolo, sorgente, versione));
    return { versione };
  }

  restore({ template }: ParsedInputOf<'letterTemplates.restore'>): OutputOf<'letterTemplates.restore'> {
    const def = builtinOf(template);
    const versione = versionHash(def.titolo, def.sorgente);
    this.makeCurrent(template, versione, 'letterTemplates.restore', (rows) => this.storeVersion(rows, template, def.titolo, def.sorgente, versione));
    return { versione };
  }

  private storeVersion(rows: RowWriter, template: TemplateName, titolo: string, sorgente: string, versione: string): void {
    if (this.ctx.store.documents.version(versione)) return;
    const def = builtinOf(template);
    rows.insert('letter_template_versions', versione, {
      template,
      titolo,
      sorgente,
      originale: versione === versionHash(def.titolo, def.sorgente) ? 1 : 0,
      autore_id: this.ctx.userId,
      created_at: nowIso(this.ctx),
    });
  }

  private makeCurrent(template: TemplateName, versione: string, action: string, store: (rows: RowWriter) => void): void {
    const { documents, writer } = this.ctx.store;
    const def = builtinOf(template);
    writer.writeRows(this.ctx.actor, { log: 'admin', action, subjectType: 'modello', subjectLabel: def.titolo, detail: `Versione ${versione}` }, (rows) => {
      store(rows);
      if (documents.head(template) === null) rows.insert('letter_template_heads', template, { version_id: versione, updated_at: nowIso(this.ctx) });
      else rows.update('letter_template_heads', template, { version_id: versione, updated_at: nowIso(this.ctx) });
    });
  }

  /** The editor's preview: the unsaved text (or the current one) with sample data or a real record (an audited read). */
  async sample(input: ParsedInputOf<'letterTemplates.sample'>): Promise<OutputOf<'letterTemplates.sample'>> {
    const current = currentTemplate(this.ctx.store, input.template);
    const sorgente = input.sorgente ?? current.sorgente;
    const errori = sourceProblems(current.def, sorgente);
    if (errori.length > 0) return { html: '', mancanti: [], errori, file: null };
    const template: CurrentTemplate = { ...current, sorgente, versione: versionHash(current.titolo, sorgente) };
    const subject: SubjectInput = { personId: input.personId, caseId: input.caseId, appointmentId: input.appointmentId, tirocinioId: input.tirocinioId };
    const real = [subject.personId, subject.caseId, subject.appointmentId, subject.tirocinioId].some((v) => v !== undefined);
    const data = real
      ? readLetterData(this.ctx, this.deps.places, subject)
      : { scope: new SampleScope(), recipient: { nome: 'Nicolò D’Annunzio-Colò', righe: ['Via Roma 1', 'Narni (TR)'] } };
    const composed = compose(template, data, { parti: {} });
    if (real && 'personId' in data) {
      this.ctx.store.writer.record(this.ctx.actor, {
        log: 'data',
        action: 'letterTemplates.sample',
        subjectType: 'persona',
        subjectId: data.personId,
        subjectLabel: current.def.titolo,
        detail: 'Anteprima di un modello con dati reali',
      });
    }
    const letters = new LettersService(this.ctx, this.deps);
    const html = letters.html(template.titolo, [composed.page]);
    if (!input.pdf) return { html, mancanti: composed.mancanti, errori: [], file: null };
    const bytes = await this.deps.pdf.render(html);
    return {
      html,
      mancanti: composed.mancanti,
      errori: [],
      file: { nomeFile: pdfName(input.template, today(this.ctx), '-prova'), dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) },
    };
  }
}
