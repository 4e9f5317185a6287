import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { RegistroFields, type RegistroData } from '../../../../shared/contracts/records';
import { formatLongItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from '../letters/pdf-renderer';
import { windowPreset } from '../letters/compose';
import { today, type WorkContext } from '../work-context';
import { defaultRegistro, programMeasures } from './registro-defaults';
import { registroHtml } from './registro-html';

export interface RecordsDeps {
  pdf: PdfRenderer;
  startDownload: (bytes: Buffer) => string;
}

/** The zone's record of processing activities (art. 30 GDPR): its editable parts, and its print. */
export class RecordsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: RecordsDeps | null = null,
  ) {}

  private settings() {
    const s = this.ctx.store.records.settings();
    if (!s) throw new AppError('NOT_SET_UP');
    return s;
  }

  /** The stored fields over the defaults: a field the zone never edited shows the default text. */
  get(): RegistroData {
    const s = this.settings();
    const stored = RegistroFields.partial().safeParse(JSON.parse(s.registro) as unknown);
    const fields = { ...defaultRegistro(s.ente), ...(stored.success ? stored.data : {}) };
    return { fields, conservazioneAnni: s.anni, comuni: this.ctx.store.records.comuni(), misureProgramma: programMeasures(s.idle, s.anni) };
  }

  save(input: ParsedInputOf<'records.save'>): void {
    const s = this.settings();
    this.ctx.store.writer.update(
      this.ctx.actor,
      'zone',
      s.zoneId,
      { registro_trattamenti: JSON.stringify(input.fields), conservazione_anni: input.conservazioneAnni },
      {
        log: 'admin',
        action: 'records.save',
        subjectType: 'zona',
        subjectId: s.zoneId,
        subjectLabel: s.nome,
        detail: `Conservazione delle cartelle: ${input.conservazioneAnni} anni`,
      },
    );
  }

  async print(): Promise<OutputOf<'records.print'>> {
    if (!this.deps) throw new Error('print needs the PDF renderer');
    const s = this.settings();
    const day = today(this.ctx);
    const html = registroHtml(this.get(), {
      letterhead: this.ctx.store.zone.get().letterhead,
      logo: this.ctx.store.documents.logo(),
      finestra: windowPreset(this.ctx.store),
      luogoData: formatLongItalianDate(day),
      zona: s.nome,
    });
    const bytes = await this.deps.pdf.render(html);
    this.ctx.store.writer.record(this.ctx.actor, { log: 'admin', action: 'records.print', subjectType: 'zona', subjectId: s.zoneId, subjectLabel: s.nome });
    return { nomeFile: `registro-trattamenti-${day}.pdf`, dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }
}
