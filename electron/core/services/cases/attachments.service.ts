import { createHash } from 'node:crypto';
import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { AttachmentStore } from '../../files/attachment-store';
import { detectFileType } from '../../files/file-type';
import { safeDisplayName } from '../../files/safe-name';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { mustGetCase } from './case-access';
import { CasesService } from './cases.service';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

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
  ) {}

  upload(input: { caseId: string; nomeFile: string; descrizione: string; contenutoBase64: string }): CaseDetailData {
    const { store } = this.ctx;
    const row = mustGetCase(this.ctx, input.caseId);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contenutoBase64)) throw new AppError('VALIDATION', 'Il contenuto del file non è leggibile: riprova a caricarlo.');
    const bytes = Buffer.from(input.contenutoBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('VALIDATION', `Il file pesa ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB: il limite è 20 MB. Riducilo (ad esempio scansionando a risoluzione più bassa) e riprova.`, 'nomeFile');
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
        },
        { log: 'data', action: 'attachments.upload', subjectType: 'persona', subjectId: row.person_id, subjectLabel: `${row.numero} · ${nome}` },
      );
    } catch (error) {
      this.files.remove(file);
      throw error;
    }
    return new CasesService(this.ctx).reload(row.id);
  }

  read(id: string): { nome: string; tipo: string; mime: string; contenutoBase64: string } {
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
    store.writer.record(this.ctx.actor, { log: 'data', action: 'attachments.read', subjectType: 'persona', subjectId: row.person_id, subjectLabel: `${row.numero} · ${a.nome}` });
    return { nome: a.nome, tipo: a.tipo, mime: MIME[a.tipo] ?? 'application/octet-stream', contenutoBase64: bytes.toString('base64') };
  }
}
