import type { casesContract } from '../../../../shared/contracts/cases';
import type { FeatureHandlers } from '../router';
import type { CallContext } from '../context';
import { workContext } from '../work';
import { CasesService } from '../../services/cases/cases.service';
import { DiaryService } from '../../services/cases/diary.service';
import { PaiService } from '../../services/cases/pai.service';
import { InterventionsService } from '../../services/cases/interventions.service';
import { AttachmentsService } from '../../services/cases/attachments.service';
import { AttachmentStore } from '../../files/attachment-store';
import type { Vault } from '../../services/auth/vault';
import type { Transfers } from '../../services/transfers/transfers';
import { AppError } from '../../../../shared/domain/errors';

export function casesHandlers(deps: { now: () => number; vault: Vault; transfers: Transfers }): FeatureHandlers<typeof casesContract> {
  const work = (ctx: CallContext) => workContext(ctx, deps.now);
  const cases = (ctx: CallContext) => new CasesService(work(ctx));
  const attachments = (ctx: CallContext) => {
    const userId = ctx.session?.user.id;
    if (!userId) throw new AppError('NOT_AUTHENTICATED');
    // This connection's chunked transfers, for this user only.
    const transfer = {
      takeUpload: (uploadId: string) => deps.transfers.takeUpload(ctx.conn.id, userId, uploadId),
      startDownload: (bytes: Buffer) => deps.transfers.startDownload(ctx.conn.id, userId, bytes),
    };
    return new AttachmentsService(work(ctx), new AttachmentStore(deps.vault.dir.root, deps.vault.databaseKey()), transfer);
  };
  return {
    'cases.open': (ctx, input) => cases(ctx).open(input),
    'cases.get': (ctx, input) => cases(ctx).get(input),
    'cases.summary': (ctx, input) => cases(ctx).summary(input),
    'cases.update': (ctx, input) => cases(ctx).update(input),
    'cases.setStatus': (ctx, input) => cases(ctx).setStatus(input),
    'cases.assign': (ctx, input) => cases(ctx).assign(input),
    'cases.endAssignment': (ctx, input) => cases(ctx).endAssignment(input),
    'cases.emergencyAccess': (ctx, input) => cases(ctx).emergencyAccess(input),
    'cases.archive': (ctx, input) => cases(ctx).archive(input),
    'diary.create': (ctx, input) => new DiaryService(work(ctx)).create(input),
    'diary.update': (ctx, input) => new DiaryService(work(ctx)).update(input),
    'diary.get': (ctx, input) => new DiaryService(work(ctx)).get(input),
    'pai.save': (ctx, input) => new PaiService(work(ctx)).save(input),
    'pai.close': (ctx, input) => new PaiService(work(ctx)).close(input),
    'interventions.save': (ctx, input) => new InterventionsService(work(ctx)).save(input),
    'interventions.addDelivery': (ctx, input) => new InterventionsService(work(ctx)).addDelivery(input),
    'attachments.upload': (ctx, input) => attachments(ctx).upload(input),
    'attachments.read': (ctx, input) => attachments(ctx).read(input),
  };
}
