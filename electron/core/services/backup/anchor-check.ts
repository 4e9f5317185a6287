import path from 'node:path';
import type { BackupEntryData, BackupStatusData } from '../../../../shared/contracts/backup';
import { formatItalianDate, todayInRome } from '../../../../shared/domain/dates';
import { comparisonIsIntact } from '../audit/audit-anchors';
import type { Vault } from '../auth/vault';
import { readManifest, unsealManifest } from './manifest';

type AnchorCheck = BackupStatusData['anchorCheck'];

/**
 * The audit chains as they are now, against the heads sealed in the newest backup of this very
 * archive (one that opens with its key) made since its last restore: a backup on another disk
 * is an anchor that someone rewriting the chains and the key file together cannot reach.
 */
export function checkAgainstNewestBackup(vault: Vault, folder: string, backups: readonly BackupEntryData[], restoredAt: string | null): AnchorCheck {
  const key = vault.databaseKey();
  for (const entry of backups) {
    if (entry.problem !== null || entry.otherArchive || (restoredAt !== null && entry.createdAt <= restoredAt)) continue;
    const manifest = readManifest(path.join(folder, entry.name));
    const content = manifest ? unsealManifest(key, manifest) : null;
    if (!content) continue;
    const found = vault.verifyAgainst(content.anchor);
    const day = formatItalianDate(todayInRome(new Date(entry.createdAt)));
    if (comparisonIsIntact(found)) return { status: 'ok', message: `Il registro degli accessi è coerente con l’ancoraggio del backup del ${day}.` };
    return {
      status: 'broken',
      message: `Il registro degli accessi non corrisponde al backup del ${day}: accessi ai dati: ${found.data.message}; azioni amministrative: ${found.admin.message}. Rivolgiti al responsabile della protezione dei dati.`,
    };
  }
  return { status: 'none', message: 'Nessun backup di questo archivio con cui confrontare il registro.' };
}
