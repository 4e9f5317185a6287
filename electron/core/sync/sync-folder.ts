import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { atomicWrite } from '../files/atomic-write';

/**
 * The shared folder (an SMB share, a Nextcloud or Syncthing folder, a USB stick): one folder per
 * zone, in it one folder per node, in which only that node writes its numbered segments. The
 * folder sees node ids, sequence numbers and sizes, nothing else.
 *
 *   <folder>/ufficio-cittadinanza-sync/<zone>/<node>/000000000001.udcs
 */
const ROOT = 'ufficio-cittadinanza-sync';
const SEGMENT_RE = /^(\d{12})\.udcs$/;
/** Copies made by file-sync tools when two sides wrote the same name: read, not ignored. */
const CONFLICT_COPY_RE = /^(\d{12})(?:\.sync-conflict-[^/]*| \(conflicted copy[^/]*\)| \(copia in conflitto[^/]*\)|-conflict-[^/]*)\.udcs$/i;
const NODE_RE = /^[0-9a-f]{16}$/;

export interface SegmentFile {
  node: string;
  seq: number;
  file: string;
  /** A file-sync tool's conflict copy (its content decides what it is). */
  copy: boolean;
}

export function zoneFolder(folder: string, zone: string): string {
  return path.join(folder, ROOT, zone);
}

/**
 * The folder must be there and readable: a missing, unreadable or (for writing) read-only
 * folder is an error, never "nothing to sync" and never "everything was deleted".
 */
export function checkFolder(folder: string, forWriting: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AppError('UNAVAILABLE', 'La cartella di sincronizzazione non è raggiungibile: controllare la rete o la chiavetta. Il lavoro continua su questa postazione.');
  }
  if (!stat.isDirectory()) throw new AppError('VALIDATION', 'Il percorso di sincronizzazione non è una cartella.');
  try {
    fs.accessSync(folder, forWriting ? fs.constants.R_OK | fs.constants.W_OK : fs.constants.R_OK);
  } catch {
    throw new AppError('UNAVAILABLE', forWriting ? 'La cartella di sincronizzazione è in sola lettura.' : 'La cartella di sincronizzazione non è leggibile.');
  }
}

const segmentPath = (folder: string, zone: string, node: string, seq: number) => path.join(zoneFolder(folder, zone), node, `${String(seq).padStart(12, '0')}.udcs`);

export function writeSegmentFile(folder: string, zone: string, node: string, seq: number, bytes: Buffer): string {
  const dir = path.join(zoneFolder(folder, zone), node);
  // Never the shared folder itself: gone (a share unmounted mid-cycle), its path must not come
  // back as an empty local folder holding a segment the other sedi will never see.
  if (!fs.existsSync(folder))
    throw new AppError(
      'UNAVAILABLE',
      'La cartella di sincronizzazione non è più raggiungibile: il pacchetto di questa postazione non è stato scritto e verrà inviato alla prossima sincronizzazione.',
    );
  fs.mkdirSync(dir, { recursive: true });
  const file = segmentPath(folder, zone, node, seq);
  atomicWrite(file, bytes);
  return file;
}

/** Whether this node's segment `seq` is in the folder already (written before a crash counted it). */
export function ownSegmentExists(folder: string, zone: string, node: string, seq: number): boolean {
  return fs.existsSync(segmentPath(folder, zone, node, seq));
}

/** Every segment of every other node, by node and sequence (conflict copies after the original). */
export function listSegments(folder: string, zone: string, self: string): SegmentFile[] {
  const base = zoneFolder(folder, zone);
  if (!fs.existsSync(base)) return [];
  const out: SegmentFile[] = [];
  for (const node of fs.readdirSync(base)) {
    if (node === self || !NODE_RE.test(node)) continue;
    const dir = path.join(base, node);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      const m = SEGMENT_RE.exec(name) ?? CONFLICT_COPY_RE.exec(name);
      if (m) out.push({ node, seq: Number(m[1]), file: path.join(dir, name), copy: !SEGMENT_RE.test(name) });
    }
  }
  return out.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.seq - b.seq || Number(a.copy) - Number(b.copy)));
}

/** How many segments this node has in the folder: 0 when its own folder vanished. */
export function ownSegmentCount(folder: string, zone: string, self: string): number {
  const dir = path.join(zoneFolder(folder, zone), self);
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((n) => SEGMENT_RE.test(n)).length;
}
