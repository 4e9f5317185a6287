import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../app';
import { atomicWrite } from '../files/atomic-write';
import { parseOptions, required, UsageError } from './args';
import { call, CliError, loginFromOptions } from './session';

/** What the command reaches outside itself; tests give a fast-KDF core and a collector. */
export interface SalCommandDeps {
  openCore: (options: CoreOptions) => Core;
  out: { write: (text: string) => unknown };
}

const realDeps: SalCommandDeps = { openCore: createCore, out: process.stdout };

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
const FORMATS = { '.csv': 'csv', '.xlsx': 'xlsx' } as const;

/**
 * `sal payments --data-dir D --user U --password-file F --month YYYY-MM --out FILE.csv|.xlsx`:
 * the month's payment list through the same channel as the app's Pagamenti tab (so the same
 * computation and the same audit rows: the list, and each person's IBAN read), written whole or
 * not at all. Prints the path written.
 */
export async function salPaymentsCommand(args: string[], deps: SalCommandDeps = realDeps): Promise<number> {
  const o = parseOptions(args, [], ['data-dir', 'user', 'password-file', 'month', 'out']);
  const month = required(o, 'month');
  if (!MONTH.test(month)) throw new UsageError(`--month: un mese nel formato AAAA-MM, per esempio 2027-03 (non «${month}»).`);
  const out = path.resolve(required(o, 'out'));
  const ext = path.extname(out).toLowerCase();
  if (!(ext in FORMATS)) throw new UsageError('--out: il file deve finire con .csv oppure .xlsx.');
  const formato = FORMATS[ext as keyof typeof FORMATS];
  if (!fs.statSync(path.dirname(out), { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`La cartella ${path.dirname(out)} non esiste.`);
  const core = deps.openCore({ dataDir: path.resolve(required(o, 'data-dir')) });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    const file = await call(conn, 'salPagamenti.export', { month, formato });
    const parts: Buffer[] = [];
    for (let offset = 0; ;) {
      const chunk = await call(conn, 'downloads.chunk', { downloadId: file.downloadId, offset });
      const part = Buffer.from(chunk.dataBase64, 'base64');
      parts.push(part);
      offset += part.length;
      if (chunk.done) break;
    }
    atomicWrite(out, Buffer.concat(parts));
    await call(conn, 'auth.logout', {});
    deps.out.write(`${out}\n`);
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}
