import { createHash } from 'node:crypto';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { AttachmentStore } from '../../files/attachment-store';
import { detectFileType } from '../../files/file-type';
import { PDF_ACTIVE_WARNING, pdfActiveContent } from '../../files/pdf-active';
import { safeDisplayName } from '../../files/safe-name';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { mustGetCase } from './case-access';
import { CasesService } from './cases.service';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The connection's chunked transfers (services/transfers). */
export interface AttachmentTransfer {
  takeUpload(uploadId: string): Buffer;
  startDownload(bytes: Buffer): string;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
};

/** Files filed in a case: checked by content, capped at 20 MB, stored encrypted, reads audited. */
export class AttachmentsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly files: AttachmentStore,
    private readonly transfer: AttachmentTransfer,
  ) {}

  upload(input: ParsedInputOf<'attachments.upload'>): CaseDetailData {
    const row = mustGetCase(this.ctx, input.caseId);
    const bytes = this.transfer.takeUpload(input.uploadId);
    try {
      return this.file(row, input, bytes);
    } finally {
      bytes.fill(0);
    }
  }

  private file(row: ReturnType<typeof mustGetCase>, input: ParsedInputOf<'attachments.upload'>, bytes: Buffer): CaseDetailData {
    const { store } = this.ctx;
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError(
        'VALIDATION',
        `Il file pesa ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB: il limite è 20 MB. Riducilo (ad esempio scansionando a risoluzione più bassa) e riprova.`,
        'nomeFile',
      );
    }
    const detected = detectFileType(bytes);
    if (!detected.ok) throw new AppError('VALIDATION', detected.message, 'nomeFile');
    const nome = safeDisplayName(input.nomeFile, detected.type.ext);
    const id = uuidv7();
    const file = this.files.write(id, bytes);
    try {
      store.writer.insert(
        this.ctx.actor,
        'attachments',
        id,
        {
          case_id: row.id,
          nome,
          tipo: detected.type.kind,
          dimensione: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          file,
          descrizione: input.descrizione,
          autore_id: this.ctx.userId,
          created_at: nowIso(this.ctx),
          contenuto_attivo: detected.type.kind === 'pdf' && pdfActiveContent(bytes).length > 0 ? 1 : 0,
        },
        { log: 'data', action: 'attachments.upload', subjectType: 'persona', subjectId: row.person_id, subjectLabel: `${row.numero} · ${nome}` },
      );
    } catch (error) {
      this.files.remove(file);
      throw error;
    }
    return new CasesService(this.ctx).reload(row.id);
  }

  read({ id }: ParsedInputOf<'attachments.read'>): OutputOf<'attachments.read'> {
    const { store } = this.ctx;
    const a = store.content.attachment(id);
    if (!a) throw new AppError('NOT_FOUND', 'Allegato non trovato.');
    const row = mustGetCase(this.ctx, a.case_id);
    let bytes: Buffer;
    try {
      bytes = this.files.read(a.id, a.file);
    } catch {
      throw new AppError('DATABASE_CORRUPT', `Il file dell’allegato «${a.nome}» manca o è stato alterato: ripristinalo dalla copia di sicurezza.`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
      throw new AppError('DATABASE_CORRUPT', `Il file dell’allegato «${a.nome}» non corrisponde a quello caricato.`);
    }
    const dimensione = bytes.length;
    // Checked again at every opening: it also covers files filed before the check was stored.
    const avviso = a.tipo === 'pdf' && pdfActiveContent(bytes).length > 0 ? PDF_ACTIVE_WARNING : '';
    const downloadId = this.transfer.startDownload(bytes);
    store.writer.record(this.ctx.actor, { log: 'data', action: 'attachments.read', subjectType: 'persona', subjectId: row.person_id, subjectLabel: `${row.numero} · ${a.nome}` });
    return { nome: a.nome, tipo: a.tipo, mime: MIME[a.tipo] ?? 'application/octet-stream', dimensione, avviso, downloadId };
  }
}
