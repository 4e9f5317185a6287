import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntryData } from '../../../../shared/contracts/backup';
import { parseBackupName } from '../../../../shared/domain/backup-rotation';
import { latestVersion } from '../../db/migrate';
import { loadMigrations } from '../../db/migrations';
import { readManifest } from './manifest';

/**
 * The backups in a folder, newest first: only folders with our name; anything else there is
 * ignored. `databaseId` is the archive each was made from (the manifest's), null when unreadable:
 * two workstations may share one folder, and each rotates only its own backups.
 */
export function listBackups(folder: string, ownDatabaseId: string | null): BackupEntryData[] {
  const latest = latestVersion(loadMigrations());
  const entries: (BackupEntryData & { sortKey: string })[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const stamp = entry.isDirectory() ? parseBackupName(entry.name) : null;
    if (!stamp) continue;
    const manifest = readManifest(path.join(folder, entry.name));
    if (!manifest) {
      entries.push({
        name: entry.name,
        createdAt: '',
        sizeBytes: 0,
        schemaVersion: 0,
        appVersion: '',
        problem: 'Manifesto mancante o illeggibile: non si può ripristinare.',
        otherArchive: true,
        sortKey: stamp.sortKey,
      });
      continue;
    }
    entries.push({
      name: entry.name,
      createdAt: manifest.createdAt,
      sizeBytes: manifest.files.reduce((n, f) => n + f.size, 0),
      schemaVersion: manifest.schemaVersion,
      appVersion: manifest.appVersion,
      problem: manifest.schemaVersion > latest ? `Fatto con una versione più recente del programma (${manifest.appVersion}): aggiorna il programma per ripristinarlo.` : null,
      otherArchive: manifest.databaseId !== ownDatabaseId,
      sortKey: stamp.sortKey,
    });
  }
  return entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1)).map(({ sortKey: _s, ...e }) => e);
}
