import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../../files/atomic-write';
import { syncDir } from './file-copy';
import type { StagedRestore } from './stage-restore';

/** What a restore replaces in the data folder; the key file goes in last (it marks a set-up folder). */
const REPLACED = ['archivio.db', 'archivio.db-wal', 'archivio.db-shm', 'allegati', 'chiavi.json'] as const;
const JOURNAL = 'ripristino-in-corso.json';

const JournalSchema = z.object({ aside: z.string(), staging: z.string(), phase: z.enum(['moving-aside', 'placing', 'placed']) });

export type SwapStep = 'aside' | 'placed';

function writeJournal(root: string, journal: z.infer<typeof JournalSchema>): void {
  atomicWrite(path.join(root, JOURNAL), JSON.stringify(journal));
}

type Phase = z.infer<typeof JournalSchema>['phase'];

/**
 * Put the kept-aside data back. While it was still being moved aside, what is in the folder is
 * the current data itself; once the backup's files were being moved in, whatever of them is
 * there goes first.
 */
function rollBack(root: string, aside: string, phase: Phase): void {
  for (const item of REPLACED) {
    const target = path.join(root, item);
    const kept = path.join(aside, item);
    if (phase !== 'moving-aside') fs.rmSync(target, { recursive: true, force: true });
    if (fs.existsSync(kept) && !fs.existsSync(target)) fs.renameSync(kept, target);
  }
  syncDir(root);
  fs.rmSync(aside, { recursive: true, force: true });
}

/**
 * Replace the data folder's database, attachments and key file with a verified staged backup.
 * The current files are first moved aside (renames on one disk: nothing is copied, nothing lost);
 * if anything fails before the new files are all in place, they are put back. A journal records
 * the swap, so a crash in the middle is undone at the next start (`recoverInterruptedRestore`).
 * Call only with the database closed.
 */
export function commitRestore(root: string, staged: StagedRestore, onStep: (step: SwapStep) => void = () => undefined): void {
  const aside = path.join(root, `.dati-sostituiti-${Date.now().toString(36)}`);
  let phase: Phase = 'moving-aside';
  writeJournal(root, { aside, staging: staged.stagingDir, phase });
  try {
    fs.mkdirSync(aside, { mode: 0o700 });
    for (const item of REPLACED) {
      const current = path.join(root, item);
      if (fs.existsSync(current)) fs.renameSync(current, path.join(aside, item));
    }
    syncDir(root);
    phase = 'placing';
    writeJournal(root, { aside, staging: staged.stagingDir, phase });
    onStep('aside');
    for (const item of REPLACED) {
      const incoming = path.join(staged.stagingDir, item);
      if (fs.existsSync(incoming)) fs.renameSync(incoming, path.join(root, item));
    }
    syncDir(root);
    writeJournal(root, { aside, staging: staged.stagingDir, phase: 'placed' });
    onStep('placed');
  } catch (error) {
    rollBack(root, aside, phase);
    fs.rmSync(path.join(root, JOURNAL), { force: true });
    throw error;
  }
  fs.rmSync(aside, { recursive: true, force: true });
  fs.rmSync(staged.stagingDir, { recursive: true, force: true });
  fs.rmSync(path.join(root, JOURNAL), { force: true });
}

/**
 * At start-up: a restore the process did not live to finish is undone if the new files were not
 * all in place yet, or finished (the kept-aside data removed) if they were. Nothing else is deleted.
 */
export function recoverInterruptedRestore(root: string): 'none' | 'rolled-back' | 'completed' {
  const file = path.join(root, JOURNAL);
  if (!fs.existsSync(file)) return 'none';
  let journal: z.infer<typeof JournalSchema>;
  try {
    journal = JournalSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // Unreadable: leave everything as it is for the IT staff rather than guess.
    return 'none';
  }
  const inside = (p: string) => path.dirname(path.resolve(p)) === path.resolve(root);
  if (!inside(journal.aside) || !inside(journal.staging)) return 'none';
  const outcome = journal.phase === 'placed' ? 'completed' : 'rolled-back';
  if (journal.phase !== 'placed' && fs.existsSync(journal.aside)) rollBack(root, journal.aside, journal.phase);
  fs.rmSync(journal.aside, { recursive: true, force: true });
  fs.rmSync(journal.staging, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
  return outcome;
}
