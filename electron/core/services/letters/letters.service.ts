import { createHash } from 'node:crypto';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import type { TemplateName } from '../../../../shared/domain/letters';
import type { AttachmentStore } from '../../files/attachment-store';
import { uuidv7 } from '../../ids';
import type { PlaceNames } from '../persons/place-names';
import { nowIso, today, type WorkContext } from '../work-context';
import { checkSubject, compose, missingMessage, windowPreset, type ComposeOptions, type Composed } from './compose';
import type { MissingData } from './engine';
import { FIELDS, GROUP_LABELS, GROUP_SOURCES } from './fields';
import { documentDocx } from './docx/docx';
import { documentHtml, type DocumentLayout, type LetterPage, type RecipientBlock } from './layout';
import type { PdfRenderer } from './pdf-renderer';
import { readLetterData, type LetterData, type SubjectInput } from './record-data';
import { companyConsentRefusal } from './company-consent';
import { restrictedRefusal } from './restriction';
import { BUILTIN_TEMPLATES } from './builtin';
import { currentTemplate, fieldsUsed, versionHash, type CurrentTemplate } from './templates';

/** What the letters need besides the database: place names, the PDF printer, the encrypted files, the connection's downloads. */
export interface LetterDeps {
  places: PlaceNames;
  pdf: PdfRenderer;
  files: () => AttachmentStore;
  startDownload: (bytes: Buffer) => string;
  /** `progress` events to the connection that asked (batch printing). */
  progress: (done: number, total: number, label: string) => void;
}

type LetterInput = ParsedInputOf<'letters.prepare'>;

/** One letter ready to print: its template, its data, how it composes. */
export interface PreparedLetter {
  template: CurrentTemplate;
  data: LetterData;
  composed: Composed;
}

/** A file name the program makes: the template and the date, never a person's name. */
export function pdfName(template: TemplateName, date: string, suffix = ''): string {
  return `${template.replace(/_/g, '-')}${suffix}-${date}.pdf`;
}

export function docxName(template: TemplateName, date: string): string {
  return `${template.replace(/_/g, '-')}-${date}.docx`;
}

export function parts(template: CurrentTemplate) {
  return template.def.parti.map((p) => ({ nome: p.nome, label: p.label, predefinito: p.predefinito, multilinea: p.multilinea, obbligatorio: p.obbligatorio }));
}

/** Letters: from a record to a preview, an exact PDF, a filed document. */
export class LettersService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: LetterDeps,
  ) {}

  templates(): OutputOf<'letterTemplates.list'> {
    const heads = this.ctx.store.documents.heads();
    return {
      templates: (Object.keys(BUILTIN_TEMPLATES) as TemplateName[]).map((name) => {
        const t = currentTemplate(this.ctx.store, name, heads);
        return {
          name,
          titolo: t.titolo,
          descrizione: t.def.descrizione,
          destinatario: t.def.destinatario,
          soggetti: [...t.def.soggetti],
          campi: fieldsUsed(t.sorgente),
          parti: parts(t),
          versione: t.versione,
          personalizzato: t.personalizzato,
          riservato: t.def.riservato,
        };
      }),
    };
  }

  static fields(): OutputOf<'letterTemplates.fields'> {
    return {
      campi: FIELDS.map((f) => ({
        campo: f.campo,
        label: f.label,
        gruppo: GROUP_LABELS[f.gruppo] ?? f.gruppo,
        sensibile: f.sensibile,
        soggetti: [...(GROUP_SOURCES[f.gruppo] ?? [])],
        esempio: f.esempio,
      })),
    };
  }

  /** Read, check and compose one letter; nothing is written. */
  letter(input: SubjectInput & { template: TemplateName }, options: ComposeOptions): PreparedLetter {
    const template = currentTemplate(this.ctx.store, input.template);
    const data = readLetterData(this.ctx, this.deps.places, input);
    checkSubject(template, data);
    if (template.def.riservato) {
      const row = data.caseId ? this.ctx.store.cases.byId(data.caseId) : null;
      if (!row) throw new AppError('VALIDATION', 'La relazione sociale si stampa da una cartella.');
      const refusal = restrictedRefusal(this.ctx, row);
      if (refusal) throw new AppError('FORBIDDEN', refusal);
    }
    const noConsent = companyConsentRefusal(this.ctx, template, input.tirocinioId);
    if (noConsent) throw new AppError('VALIDATION', noConsent);
    return { template, data, composed: compose(template, data, options) };
  }

  /** The whole document: letterhead and window preset from the zone's settings. */
  html(titolo: string, pages: LetterPage[]): string {
    return documentHtml(this.layout(titolo, pages));
  }

  layout(titolo: string, pages: LetterPage[]): DocumentLayout {
    const { store } = this.ctx;
    return { titolo, letterhead: store.zone.get().letterhead, logo: store.documents.logo(), finestra: windowPreset(store), letters: pages };
  }

  private audit(action: string, letter: PreparedLetter, detail: string): void {
    this.ctx.store.writer.record(this.ctx.actor, {
      log: 'data',
      action,
      subjectType: 'persona',
      subjectId: letter.data.personId,
      subjectLabel: letter.data.caseNumero ? `${letter.data.caseNumero} · ${letter.template.titolo}` : letter.template.titolo,
      detail,
    });
  }

  preview(input: LetterInput): OutputOf<'letters.prepare'> {
    const letter = this.letter(input, { parti: input.parti, destinatario: input.destinatario });
    this.audit('letters.prepare', letter, `Anteprima, versione ${letter.template.versione.slice(0, 12)}`);
    return {
      template: input.template,
      titolo: letter.template.titolo,
      versione: letter.template.versione,
      html: this.html(letter.template.titolo, [letter.composed.page]),
      mancanti: letter.composed.mancanti,
      destinatario: letter.composed.destinatario,
      parti: parts(letter.template),
    };
  }

  async previewPdf(input: LetterInput): Promise<OutputOf<'letters.previewPdf'>> {
    const letter = this.letter(input, { parti: input.parti, destinatario: input.destinatario });
    const bytes = await this.deps.pdf.render(this.html(letter.template.titolo, [letter.composed.page]));
    this.audit('letters.previewPdf', letter, `Anteprima di stampa, versione ${letter.template.versione.slice(0, 12)}`);
    return {
      nomeFile: pdfName(input.template, today(this.ctx), '-anteprima'),
      dimensione: bytes.length,
      downloadId: this.deps.startDownload(bytes),
      mancanti: letter.composed.mancanti,
    };
  }

  /**
   * The same letter as a Word document to edit: same template, same data, refused while a field
   * is missing (a marker in a file to edit would be printed as is). Nothing is filed.
   */
  docx(input: LetterInput): OutputOf<'letters.docx'> {
    const letter = this.letter(input, { parti: input.parti, destinatario: input.destinatario });
    refuseMissing(letter.composed.mancanti);
    const bytes = documentDocx(this.layout(letter.template.titolo, [letter.composed.page]));
    this.audit('letters.docx', letter, `Documento Word (DOCX), versione ${letter.template.versione.slice(0, 12)}`);
    return { nomeFile: docxName(input.template, today(this.ctx)), dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }

  async issue(input: LetterInput): Promise<OutputOf<'letters.issue'>> {
    const letter = this.letter(input, { parti: input.parti, destinatario: input.destinatario });
    refuseMissing(letter.composed.mancanti);
    const bytes = await this.deps.pdf.render(this.html(letter.template.titolo, [letter.composed.page]));
    const documentId = this.file(letter, bytes, { ristampaDi: null, protocollo: null });
    return { documentId, nomeFile: pdfName(input.template, today(this.ctx)), dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }

  /**
   * File a printed PDF in the case: encrypted like an attachment, the template version stored
   * (immutable, by hash) if it was not yet, one document row and one audit row, in one transaction.
   */
  file(letter: PreparedLetter, bytes: Buffer, extra: { ristampaDi: string | null; protocollo: { numero: string; data: string; registro: string; anno: number } | null }): string {
    const { store } = this.ctx;
    const id = uuidv7();
    const files = this.deps.files();
    const file = files.write(id, bytes);
    const t = letter.template;
    const destinatario = letter.composed.destinatario;
    try {
      store.writer.writeRows(
        this.ctx.actor,
        {
          log: 'data',
          action: extra.ristampaDi ? 'documents.reprint' : 'letters.issue',
          subjectType: 'persona',
          subjectId: letter.data.personId,
          subjectLabel: letter.data.caseNumero ? `${letter.data.caseNumero} · ${t.titolo}` : t.titolo,
          detail: `${extra.ristampaDi ? 'Ristampa' : 'Stampa'} archiviata, versione del modello ${t.versione}`,
        },
        (rows) => {
          if (!store.documents.version(t.versione)) {
            rows.insert('letter_template_versions', t.versione, {
              template: t.def.name,
              titolo: t.titolo,
              sorgente: t.sorgente,
              originale: t.versione === versionHash(t.def.titolo, t.def.sorgente) ? 1 : 0,
              autore_id: null,
              created_at: nowIso(this.ctx),
            });
          }
          rows.insert('documents', id, {
            person_id: letter.data.personId,
            case_id: letter.data.caseId,
            template: t.def.name,
            titolo: t.titolo,
            version_id: t.versione,
            stato: 'bozza',
            destinatario: recipientText(destinatario, t.def.destinatario),
            riservato: t.def.riservato ? 1 : 0,
            nome_file: pdfName(t.def.name, today(this.ctx), extra.ristampaDi ? '-ristampa' : ''),
            file,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            dimensione: bytes.length,
            soggetto_tipo: letter.data.kind,
            soggetto_id: letter.data.subjectId,
            soggetto_data: letter.data.subjectDate,
            parti: JSON.stringify(letter.composed.parti),
            protocollo_numero: extra.protocollo?.numero ?? null,
            protocollo_data: extra.protocollo?.data ?? null,
            protocollo_registro: extra.protocollo?.registro ?? null,
            protocollo_anno: extra.protocollo?.anno ?? null,
            ristampa_di: extra.ristampaDi,
            autore_id: this.ctx.userId,
            created_at: nowIso(this.ctx),
          });
        },
      );
    } catch (error) {
      files.remove(file);
      throw error;
    }
    return id;
  }
}

export function refuseMissing(mancanti: readonly MissingData[]): void {
  if (mancanti.length === 0) return;
  throw new AppError(
    'VALIDATION',
    missingMessage(mancanti),
    'mancanti',
    mancanti.map((m) => ({ field: m.campo, message: `${m.label}: ${m.motivo}.` })),
  );
}

function recipientText(destinatario: RecipientBlock | null, kind: 'interno' | 'esterno'): string {
  if (destinatario) return [destinatario.nome, ...destinatario.righe].join(', ');
  return kind === 'interno' ? 'Consegna a mano alla persona' : 'Soggetto esterno';
}
