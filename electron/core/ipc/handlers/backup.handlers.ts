import { BACKUP_TASK, type backupContract } from '../../../../shared/contracts/backup';
import type { BackupService } from '../../services/backup/backup.service';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';

/** Progress of a long backup or restore, to the window that asked for it (the core's `progress` event). */
function progressTo(ctx: CallContext) {
  return (done: number, total: number, label: string) => ctx.conn.push({ type: 'progress', task: BACKUP_TASK, done, total, label });
}

export function backupHandlers(deps: { backups: BackupService }): FeatureHandlers<typeof backupContract> {
  const { backups } = deps;
  return {
    'backup.status': () => backups.status(),
    'backup.alert': () => backups.alert(),
    'backup.saveSettings': (ctx, input) => backups.saveSettings(ctx.actor, input),
    'backup.run': async (ctx) => {
      const made = await backups.run(ctx.actor, 'manual', progressTo(ctx));
      return { name: made.name, sizeBytes: made.sizeBytes, tables: made.tables, attachments: made.attachments };
    },
    'backup.restore': (ctx, input) => backups.restore(ctx.actor, input, progressTo(ctx)),
  };
}
