import type { uploadsContract } from '../../../../shared/contracts/uploads';
import type { FeatureHandlers } from '../router';
import type { CallContext } from '../context';
import type { Transfers } from '../../services/transfers/transfers';
import { CHUNK_BYTES } from '../../../../shared/contracts/uploads';
import { AppError } from '../../../../shared/domain/errors';

function userOf(ctx: CallContext): string {
  if (!ctx.session) throw new AppError('NOT_AUTHENTICATED');
  return ctx.session.user.id;
}

export function uploadsHandlers(deps: { transfers: Transfers }): FeatureHandlers<typeof uploadsContract> {
  const { transfers } = deps;
  return {
    'uploads.start': (ctx, input) => ({ uploadId: transfers.startUpload(ctx.conn.id, userOf(ctx), input.size), chunkBytes: CHUNK_BYTES }),
    'uploads.chunk': (ctx, input) => ({
      received: transfers.writeChunk(ctx.conn.id, userOf(ctx), input.uploadId, input.offset, Buffer.from(input.dataBase64, 'base64')),
    }),
    'downloads.chunk': (ctx, input) => transfers.readChunk(ctx.conn.id, userOf(ctx), input.downloadId, input.offset),
  };
}
