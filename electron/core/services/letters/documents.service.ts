import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { DocumentSummary } from '../../../../shared/contracts/letters';
import { formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { DOCUMENT_STATO_LABELS, TEMPLATE_NAMES, type TemplateName } from '../../../../shared/domain/letters';
import type { DocumentRow } from '../../db/repositories/documents.repo';
import { today, type WorkContext } from '../work-context';
import { compose } from './compose';
import { LettersService, refuseMissing, type LetterDeps, type PreparedLetter } from './letters.service';
import { readLetterData, type SubjectInput } from './record-data';
import { restrictedRefusal } from './restriction';
import { builtinOf, type CurrentTemplate } from './templates';

type Summary = z.infer<typeof DocumentSummary>;

function toSummary(d: DocumentRow): Summary {
  return {
    id: d.id,
    caseId: d.case_id,
    caseNumero: d.case_numero,
    personId: d.person_id,
    template: d.template as TemplateName,
    titolo: d.titolo,
    versione: d.version_id,
    stato: d.stato,
    destinatario: d.destinatario,
    protocolloNumero: d.protocollo_numero,
    protocolloData: d.protocollo_data,
    protocolloRegistro: d.protocollo_registro,
    ristampaDi: d.ristampa_di,
    autore: d.autore,
    createdAt: d.created_at,
    dimensione: d.dimensione,
    nomeFile: d.nome_file,
  };
}

/** «0012345» and «12345» are the same number in a register. */
const sameNumber = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

/** Documents filed in a case: the list, the file, the state, the protocol and the reprint. */
export class DocumentsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: LetterDeps,
  ) {}

  private mustGet(id: string): DocumentRow {
    const row = this.ctx.store.documents.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'Documento non trovato.');
    return row;
  }

  list(input: ParsedInputOf<'documents.list'>): OutputOf<'documents.list'> {
    const { store } = this.ctx;
    const rows = input.caseId ? store.documents.ofCase(input.caseId) : store.documents.ofPerson(input.personId as string);
    const personId = input.caseId ? store.cases.byId(input.caseId)?.person_id : input.personId;
    // A relazione sociale shows only to whom may read it: the others do not learn it exists.
    const visible = rows.filter((d) => !d.riservato || !d.case_id || this.mayReadRestricted(d.case_id));
    store.writer.record(this.ctx.actor, { log: 'data', action: 'documents.list', subjectType: 'persona', subjectId: personId ?? null, detail: `${visible.length} documenti` });
    return { documents: visible.map(toSummary) };
  }

  private mayReadRestricted(caseId: string): boolean {
    const row = this.ctx.store.cases.byId(caseId);
    return row !== null && restrictedRefusal(this.ctx, row) === null;
  }

  download({ id }: ParsedInputOf<'documents.download'>): OutputOf<'documents.download'> {
    const d = this.mustGet(id);
    let bytes: Buffer;
    try {
      bytes = this.deps.files().read(d.id, d.file);
    } catch {
      throw new AppError('DATABASE_CORRUPT', `Il file del documento «${d.titolo}» manca o è stato alterato: ripristinalo dalla copia di sicurezza.`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== d.sha256)
      throw new AppError('DATABASE_CORRUPT', `Il file del documento «${d.titolo}» non corrisponde a quello archiviato.`);
    this.ctx.store.writer.record(this.ctx.actor, { log: 'data', action: 'documents.download', subjectType: 'persona', subjectId: d.person_id, subjectLabel: label(d) });
    return { nomeFile: d.nome_file, dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }

  setStatus({ id, stato }: ParsedInputOf<'documents.setStatus'>): OutputOf<'documents.setStatus'> {
    const d = this.mustGet(id);
    this.ctx.store.writer.update(
      this.ctx.actor,
      'documents',
      id,
      { stato },
      {
        log: 'data',
        action: 'documents.setStatus',
        subjectType: 'persona',
        subjectId: d.person_id,
        subjectLabel: label(d),
        detail: `${DOCUMENT_STATO_LABELS[d.stato]} → ${DOCUMENT_STATO_LABELS[stato]}`,
      },
    );
    return toSummary(this.mustGet(id));
  }

  /**
   * The number and date the Comune's register gave (never ours): at least 7 digits, a date not in
   * the future, a number used once per register and year (the count restarts every year).
   */
  recordProtocollo(input: ParsedInputOf<'documents.recordProtocollo'>): OutputOf<'documents.recordProtocollo'> {
    const { store } = this.ctx;
    const d = this.mustGet(input.id);
    if (d.ristampa_di) throw new AppError('VALIDATION', 'Il protocollo si registra sul documento originale, non sulla ristampa.', 'numero');
    if (input.data > today(this.ctx)) throw new AppError('VALIDATION', 'Data di protocollo: non può essere nel futuro.', 'data');
    const registro = store.zone.get().comuni.find((c) => c.istat === input.registro);
    if (!registro) throw new AppError('VALIDATION', 'Registro di protocollo: scegli un comune della zona.', 'registro');
    const anno = Number(input.data.slice(0, 4));
    const taken = store.documents.protocolNumbers(input.registro, anno).find((p) => p.id !== d.id && sameNumber(p.protocollo_numero, input.numero));
    if (taken) throw new AppError('CONFLICT', `Il numero ${input.numero} del ${anno} è già registrato su un altro documento del registro di ${registro.nome}.`, 'numero');
    const before = d.protocollo_numero ? ` (prima: n. ${d.protocollo_numero} del ${formatItalianDate(d.protocollo_data ?? '')})` : '';
    store.writer.update(
      this.ctx.actor,
      'documents',
      d.id,
      { protocollo_numero: input.numero, protocollo_data: input.data, protocollo_registro: input.registro, protocollo_anno: anno },
      {
        log: 'data',
        action: 'documents.recordProtocollo',
        subjectType: 'persona',
        subjectId: d.person_id,
        subjectLabel: label(d),
        detail: `Protocollo di ${registro.nome} n. ${input.numero} del ${formatItalianDate(input.data)}${before}${input.note ? ` – ${input.note}` : ''}`,
      },
    );
    return toSummary(this.mustGet(d.id));
  }

  /** Print again with the version first used and the protocol data, marked «RISTAMPA», filed beside the original. */
  async reprint({ id }: ParsedInputOf<'documents.reprint'>): Promise<OutputOf<'documents.reprint'>> {
    const { store } = this.ctx;
    const original = this.mustGet(this.mustGet(id).ristampa_di ?? id);
    const version = store.documents.version(original.version_id);
    if (!version || !(TEMPLATE_NAMES as readonly string[]).includes(original.template))
      throw new AppError('NOT_FOUND', 'La versione del modello usata per questo documento non si trova più.');
    const def = builtinOf(original.template as TemplateName);
    const template: CurrentTemplate = { def, titolo: version.titolo, sorgente: version.sorgente, versione: version.id, personalizzato: version.originale === 0 };
    const kind = original.soggetto_tipo || 'persona';
    const subject: SubjectInput = { [SUBJECT_FIELD[kind]]: original.soggetto_id || original.person_id };
    if (original.soggetto_data && kind === 'appuntamento') subject.occurrenceDate = original.soggetto_data;
    if (original.soggetto_data && kind === 'tirocinio') subject.mese = original.soggetto_data;
    const data = readLetterData(this.ctx, this.deps.places, subject);
    const protocollo = original.protocollo_numero && original.protocollo_data ? { numero: original.protocollo_numero, data: original.protocollo_data } : null;
    const ristampa = `RISTAMPA del ${formatItalianDate(today(this.ctx))} del documento del ${formatItalianDate(original.created_at.slice(0, 10))}`;
    const composed = compose(template, data, { parti: JSON.parse(original.parti) as Record<string, string>, protocollo, ristampa });
    refuseMissing(composed.mancanti);
    const letter: PreparedLetter = { template, data, composed };
    const letters = new LettersService(this.ctx, this.deps);
    const bytes = await this.deps.pdf.render(letters.html(template.titolo, [composed.page]));
    const documentId = letters.file(letter, bytes, {
      ristampaDi: original.id,
      protocollo:
        protocollo && original.protocollo_registro
          ? { ...protocollo, registro: original.protocollo_registro, anno: original.protocollo_anno ?? Number(protocollo.data.slice(0, 4)) }
          : null,
    });
    return { documentId, nomeFile: store.documents.byId(documentId)?.nome_file ?? 'ristampa.pdf', dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }
}

const SUBJECT_FIELD = { persona: 'personId', cartella: 'caseId', appuntamento: 'appointmentId', tirocinio: 'tirocinioId' } as const;

function label(d: DocumentRow): string {
  return d.case_numero ? `${d.case_numero} · ${d.titolo}` : d.titolo;
}
