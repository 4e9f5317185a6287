import type { HandlerMap } from '../router';
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

type Channels =
  | 'cases.open'
  | 'cases.get'
  | 'cases.summary'
  | 'cases.update'
  | 'cases.setStatus'
  | 'cases.assign'
  | 'cases.endAssignment'
  | 'cases.emergencyAccess'
  | 'cases.archive'
  | 'diary.create'
  | 'diary.update'
  | 'diary.get'
  | 'pai.save'
  | 'pai.close'
  | 'interventions.save'
  | 'interventions.addDelivery'
  | 'attachments.upload'
  | 'attachments.read';

export function casesHandlers(deps: { now: () => number; vault: Vault; transfers: Transfers }): Pick<HandlerMap, Channels> {
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
    'cases.get': (ctx, input) => cases(ctx).get(input.id),
    'cases.summary': (ctx, input) => cases(ctx).summary(input.id),
    'cases.update': (ctx, input) => cases(ctx).update(input.id, input.area, input.problematiche),
    'cases.setStatus': (ctx, input) => cases(ctx).setStatus(input.id, input.stato, input.data, input.motivo),
    'cases.assign': (ctx, input) => cases(ctx).assign(input),
    'cases.endAssignment': (ctx, input) => cases(ctx).endAssignment(input.id, input.assignmentId, input.al),
    'cases.emergencyAccess': (ctx, input) => cases(ctx).emergencyAccess(input.id, input.motivo),
    'cases.archive': (ctx, input) => cases(ctx).archive(input.id, input.archiviata),
    'diary.create': (ctx, { caseId, ...entry }) => new DiaryService(work(ctx)).create(caseId, entry),
    'diary.update': (ctx, { id, ...entry }) => new DiaryService(work(ctx)).update(id, entry),
    'diary.get': (ctx, input) => new DiaryService(work(ctx)).get(input.id),
    'pai.save': (ctx, input) => new PaiService(work(ctx)).save(input),
    'pai.close': (ctx, input) => new PaiService(work(ctx)).close(input.id, input.data, input.note),
    'interventions.save': (ctx, input) => new InterventionsService(work(ctx)).save(input),
    'interventions.addDelivery': (ctx, input) => new InterventionsService(work(ctx)).addDelivery(input),
    'attachments.upload': (ctx, input) => attachments(ctx).upload(input),
    'attachments.read': (ctx, input) => attachments(ctx).read(input.id),
  };
}
