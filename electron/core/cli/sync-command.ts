import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../app';
import { DataDir } from '../data-dir';
import type { KdfParams } from '../keys/key-wrap';
import type { SyncStatusData } from '../../../shared/contracts/sync';
import { contentStats } from '../services/sync/content-stats';
import { joinFromPairing } from '../services/sync/pairing';
import { Store } from '../store';
import { parseOptions, readSecretFile, required, UsageError } from './args';
import { progressLine, type ProgressStream } from './progress';
import { call, CliError, loginFromOptions } from './session';
import { describeCounts } from '../sync/archive-guard';

/** What the commands reach outside themselves; tests give a fast-KDF core and collectors. */
export interface SyncCommandDeps {
  openCore: (options: CoreOptions) => Core;
  out: ProgressStream;
  /** Progress and rejections, on stderr. */
  progress: ProgressStream;
  workstation: string;
  /** Tests seal pairing files with a cheaper scrypt. */
  pairingKdf?: KdfParams;
}

const realDeps: SyncCommandDeps = { openCore: createCore, out: process.stdout, progress: process.stderr, workstation: os.hostname() };

/** Open the data folder as the user, run `fn`, log out and close whatever happens. */
async function asUser<T>(o: Map<string, string | true>, deps: SyncCommandDeps, fn: (core: Core, conn: ReturnType<Core['connect']>) => Promise<T>): Promise<T> {
  const dataDir = path.resolve(required(o, 'data-dir'));
  if (!new DataDir(dataDir).isSetUp()) throw new CliError(`Nella cartella ${dataDir} non c’è un archivio del programma.`);
  const core = deps.openCore({ dataDir });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    const result = await fn(core, conn);
    await call(conn, 'auth.logout', {});
    return result;
  } finally {
    conn.close();
    core.close();
  }
}

/** `sync --data-dir D --user U --password-file F [--folder DIR]`: one cycle; prints what it sent, received, applied and rejected. */
export async function syncCommand(args: string[], deps: SyncCommandDeps = realDeps): Promise<number> {
  switch (args[0]) {
    case 'pair':
      return pairCommand(args.slice(1), deps);
    case 'join':
      return joinCommand(args.slice(1), deps);
    case 'enable':
      return enableCommand(args.slice(1), deps);
    case 'revoke':
      return revokeCommand(args.slice(1), deps);
    default:
      return cycleCommand(args, deps);
  }
}

async function cycleCommand(args: string[], deps: SyncCommandDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'folder']);
  return asUser(o, deps, async (core, conn) => runCycle(core, conn, deps, o.has('folder') ? path.resolve(required(o, 'folder')) : undefined));
}

async function runCycle(core: Core, conn: ReturnType<Core['connect']>, deps: SyncCommandDeps, folder?: string): Promise<number> {
  const progress = progressLine(deps.progress);
  const onProgress = (done: number, total: number, label: string) => progress.update(`${label} (${done} di ${total})`);
  // The CLI is the IT staff's: an administrator of the zone.
  const actor = core.cliWork(conn, 'sync.manage').actor;
  const { summary, report } = core.sync.runNow(actor, onProgress, folder);
  progress.done();
  for (const r of report?.rejected ?? []) deps.progress.write(`Rifiutato: postazione ${r.node}, pacchetto ${r.seq}: ${r.message}\n`);
  for (const h of report?.held ?? [])
    deps.progress.write(
      `In attesa di conferma: postazione ${h.node}, pacchetto ${h.seq}, archivierebbe ${describeCounts(h.counts)}; confermare o rifiutare in Impostazioni → Sincronizzazione.\n`,
    );
  for (const st of report?.stopped ?? []) deps.progress.write(`Fermi: i pacchetti della postazione ${st.node} dal ${st.seq}, rifiutato da un amministratore.\n`);
  if (report?.driftWarning) deps.progress.write(`Attenzione: ${report.driftWarning}\n`);
  deps.out.write(`inviate ${summary.sent} ricevuti ${summary.received} applicate ${summary.applied} rifiutati ${summary.rejected}\n`);
  if (summary.outcome === 'error') {
    deps.progress.write(`Errore: ${summary.message}\n`);
    return 1;
  }
  return 0;
}

/** `sync enable --data-dir D --user U --password-file F --label L [--folder DIR]`: the zone's first node. */
async function enableCommand(args: string[], deps: SyncCommandDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'label', 'folder']);
  return asUser(o, deps, async (core, conn) => {
    await call(conn, 'sync.enable', { label: required(o, 'label') });
    if (o.has('folder')) await call(conn, 'sync.setFolder', { folder: path.resolve(required(o, 'folder')), intervalMin: 5 });
    const status = await call(conn, 'sync.status', {});
    deps.out.write(`Sincronizzazione attiva: postazione ${status.node}, impronta ${status.fingerprint ?? ''}\n`);
    return 0;
  });
}

/**
 * `sync revoke --data-dir D --user U --password-file F --node ID|--label L`: an administrator
 * revokes a workstation (a lost or stolen PC). Through the channel the screen uses, so the
 * router checks the profile and audits; the revocation travels to the other nodes as data.
 */
async function revokeCommand(args: string[], deps: SyncCommandDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'node', 'label']);
  if (o.has('node') === o.has('label')) throw new UsageError('Indicare la postazione da revocare con --node ID oppure con --label "Nome", non entrambi.');
  return asUser(o, deps, async (_core, conn) => {
    const before = await call(conn, 'sync.status', {});
    const node = pickNode(before.nodes, o.has('node') ? { node: required(o, 'node') } : { label: required(o, 'label') });
    const after = await call(conn, 'sync.revoke', { node: node.node });
    const row = after.nodes.find((n) => n.node === node.node);
    deps.out.write(
      `Postazione ${node.node} («${node.label}») revocata il ${row?.revokedAt ?? ''}: i pacchetti che scriverà d’ora in poi sono rifiutati.\n` +
        'Questa postazione li rifiuta già; le altre dal loro prossimo ciclo dopo che questa ha inviato la revoca (npm run cli -- sync, o la sincronizzazione automatica).\n',
    );
    return 0;
  });
}

type NodeRow = SyncStatusData['nodes'][number];

/** The node named by id or by the label it was paired with; an unknown or ambiguous name is an error that lists the nodes. */
function pickNode(nodes: readonly NodeRow[], by: { node: string } | { label: string }): NodeRow {
  const wanted = 'node' in by ? by.node.trim().toLowerCase() : by.label.replace(/\s+/g, ' ').trim().toLowerCase();
  const matches = nodes.filter((n) => ('node' in by ? n.node === wanted : n.label.toLowerCase() === wanted));
  const list = nodes.map((n) => `  ${n.node}  ${n.label}${n.self ? ' (questa postazione)' : ''}${n.revokedAt ? ' (revocata)' : ''}`).join('\n');
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    throw new CliError(`Nessuna postazione abbinata con ${'node' in by ? `l’identificativo ${by.node}` : `il nome «${by.label}»`}. Postazioni della zona:\n${list}`);
  throw new CliError(`Più postazioni si chiamano «${'label' in by ? by.label : ''}»: indicare quella da revocare con --node ID.\n${list}`);
}

/** `sync pair --data-dir D --user U --password-file F --out FILE --passphrase-file P [--label L]`. */
async function pairCommand(args: string[], deps: SyncCommandDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'out', 'passphrase-file', 'label']);
  const out = path.resolve(required(o, 'out'));
  const passphrase = readSecretFile(required(o, 'passphrase-file'));
  const label = typeof o.get('label') === 'string' ? (o.get('label') as string) : 'Nuova postazione';
  return asUser(o, deps, async (core, conn) => {
    const work = core.cliWork(conn, 'sync.manage');
    const progress = progressLine(deps.progress);
    const made = await core.sync.createPairingFile(work.actor, { label, passphrase, outFile: out }, (d, t, l) => progress.update(`${l} (${d} di ${t})`), deps.pairingKdf);
    progress.done();
    deps.out.write(
      `File di abbinamento: ${made.file}\nCopia dei dati (da portare accanto al file): ${made.snapshotDir}\nNuova postazione: ${made.node}\nImpronta da confrontare al telefono: ${made.fingerprint}\n`,
    );
    return 0;
  });
}

/** `sync join --data-dir NEW --from FILE --passphrase-file P --folder DIR --user U --password-file F`. */
async function joinCommand(args: string[], deps: SyncCommandDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'from', 'passphrase-file', 'folder', 'user', 'password-file']);
  const target = path.resolve(required(o, 'data-dir'));
  const existed = fs.existsSync(target);
  if (existed && fs.readdirSync(target).length > 0)
    throw new CliError(`La cartella dati non è vuota (${target}): una nuova postazione si unisce solo in una cartella nuova o vuota.`);
  const username = required(o, 'user').trim().toLowerCase();
  const password = readSecretFile(required(o, 'password-file'));
  const folder = path.resolve(required(o, 'folder'));
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const progress = progressLine(deps.progress);
  let joined;
  try {
    joined = await joinFromPairing(
      {
        target,
        pairingFile: path.resolve(required(o, 'from')),
        passphrase: readSecretFile(required(o, 'passphrase-file')),
        folder,
        username,
        password,
        workstation: deps.workstation,
      },
      (d, t, l) => progress.update(`${l} (${d} di ${t})`),
    );
  } catch (error) {
    progress.done();
    if (!existed && fs.existsSync(target) && fs.readdirSync(target).length === 0) fs.rmdirSync(target);
    throw error;
  }
  progress.done();
  const store = Store.open(new DataDir(target).dbFile, joined.key);
  try {
    store.writer.record(
      { userId: null, username, profile: null, workstation: deps.workstation },
      { log: 'admin', action: 'sync.join', detail: `Postazione ${joined.node} (${joined.label}) unita alla zona con un file di abbinamento di ${joined.inviterLabel}` },
    );
  } finally {
    store.close();
    joined.key.fill(0);
  }
  deps.out.write(`Postazione ${joined.node} (${joined.label}) unita alla zona. Impronta da confrontare al telefono: ${joined.fingerprint}\n`);
  return asUser(new Map([...o, ['data-dir', target]]), deps, async (core, conn) => runCycle(core, conn, deps));
}

/** `stats --data-dir D --user U --password-file F [--json]`: row counts per synced table and a content hash. */
export async function statsCommand(args: string[], deps: SyncCommandDeps = realDeps): Promise<number> {
  const o = parseOptions(args, ['json'], ['data-dir', 'user', 'password-file']);
  return asUser(o, deps, async (core, conn) => {
    const work = core.cliWork(conn, 'sync.manage');
    const stats = contentStats(work.store);
    if (o.has('json')) deps.out.write(`${JSON.stringify(stats, null, 2)}\n`);
    else {
      for (const [t, n] of Object.entries(stats.tables)) deps.out.write(`${t.padEnd(32)} ${n}\n`);
      deps.out.write(`impronta del contenuto ${stats.hash}\n`);
    }
    return 0;
  });
}
