import type { lettersContract } from '../../../../shared/contracts/letters';
import { AppError } from '../../../../shared/domain/errors';
import { AttachmentStore } from '../../files/attachment-store';
import type { Vault } from '../../services/auth/vault';
import { BatchService } from '../../services/letters/batch.service';
import { DocumentsService } from '../../services/letters/documents.service';
import { LettersService, type LetterDeps } from '../../services/letters/letters.service';
import type { PdfRenderer } from '../../services/letters/pdf-renderer';
import { LetterSettingsService } from '../../services/letters/settings.service';
import { TemplateAdminService } from '../../services/letters/template-admin.service';
import type { PlaceNames } from '../../services/persons/place-names';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function lettersHandlers(deps: { now: () => number; vault: Vault; transfers: Transfers; places: PlaceNames; pdf: PdfRenderer }): FeatureHandlers<typeof lettersContract> {
  const work = (ctx: CallContext) => workContext(ctx, deps.now);
  /** The letters' view of this call: its connection's downloads and progress events. */
  const letterDeps = (ctx: CallContext): LetterDeps => {
    const userId = ctx.session?.user.id;
    if (!userId) throw new AppError('NOT_AUTHENTICATED');
    return {
      places: deps.places,
      pdf: deps.pdf,
      files: () => new AttachmentStore(deps.vault.dir.root, deps.vault.databaseKey()),
      startDownload: (bytes) => deps.transfers.startDownload(ctx.conn.id, userId, bytes),
      progress: (done, total, label) => ctx.conn.push({ type: 'progress', task: 'letters.batch', done, total, label }),
    };
  };
  const letters = (ctx: CallContext) => new LettersService(work(ctx), letterDeps(ctx));
  const documents = (ctx: CallContext) => new DocumentsService(work(ctx), letterDeps(ctx));
  const admin = (ctx: CallContext) => new TemplateAdminService(work(ctx), letterDeps(ctx));
  const settings = (ctx: CallContext) => new LetterSettingsService(work(ctx), letterDeps(ctx));
  return {
    'letterTemplates.list': (ctx) => letters(ctx).templates(),
    'letterTemplates.fields': () => LettersService.fields(),
    'letters.prepare': (ctx, input) => letters(ctx).preview(input),
    'letters.previewPdf': (ctx, input) => letters(ctx).previewPdf(input),
    'letters.docx': (ctx, input) => letters(ctx).docx(input),
    'letters.issue': (ctx, input) => letters(ctx).issue(input),
    'letters.batch': (ctx, input) => new BatchService(work(ctx), letterDeps(ctx)).convocazioni(input),
    'letterTemplates.versions': (ctx, input) => admin(ctx).versions(input),
    'letterTemplates.save': (ctx, input) => admin(ctx).save(input),
    'letterTemplates.restore': (ctx, input) => admin(ctx).restore(input),
    'letterTemplates.sample': (ctx, input) => admin(ctx).sample(input),
    'letterSettings.get': (ctx) => settings(ctx).get(),
    'letterSettings.save': (ctx, input) => settings(ctx).save(input),
    'letterSettings.saveLogo': (ctx, input) => {
      const userId = ctx.session?.user.id;
      if (!userId) throw new AppError('NOT_AUTHENTICATED');
      return settings(ctx).saveLogo(deps.transfers.takeUpload(ctx.conn.id, userId, input.uploadId));
    },
    'letterSettings.removeLogo': (ctx) => settings(ctx).removeLogo(),
    'letterSettings.calibrationPdf': (ctx, input) => settings(ctx).calibration(input),
    'documents.list': (ctx, input) => documents(ctx).list(input),
    'documents.download': (ctx, input) => documents(ctx).download(input),
    'documents.setStatus': (ctx, input) => documents(ctx).setStatus(input),
    'documents.recordProtocollo': (ctx, input) => documents(ctx).recordProtocollo(input),
    'documents.reprint': (ctx, input) => documents(ctx).reprint(input),
  };
}
