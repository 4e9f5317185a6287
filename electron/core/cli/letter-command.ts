import path from 'node:path';
import type { InputOf } from '../../../shared/contracts';
import { TEMPLATE_NAMES, type TemplateName } from '../../../shared/domain/letters';
import { createCore } from '../app';
import { atomicWrite } from '../files/atomic-write';
import { UsageError, parseOptions, required } from './args';
import { CliError, call, loginFromOptions } from './session';

/**
 * `letter`: print a letter from the command line exactly as the program does (the same channel:
 * rendered, filed encrypted in the case, audited), write the PDF to --out and print its path.
 * `--list` names the templates.
 */
export async function letterCommand(args: string[]): Promise<number> {
  const o = parseOptions(args, ['list'], ['data-dir', 'user', 'password-file', 'template', 'appointment', 'case', 'person', 'tirocinio', 'out']);
  const core = createCore({ dataDir: path.resolve(required(o, 'data-dir')) });
  const conn = core.connect('cli');
  try {
    await loginFromOptions(conn, o);
    if (o.has('list')) {
      for (const t of (await call(conn, 'letterTemplates.list', {})).templates) {
        console.log(`${t.name.padEnd(24)} ${t.titolo} (da: ${t.soggetti.join(', ')}${t.riservato ? '; riservato' : ''})`);
      }
      return 0;
    }
    const template = required(o, 'template');
    if (!(TEMPLATE_NAMES as readonly string[]).includes(template)) throw new UsageError(`Modello sconosciuto: ${template}. Usa --list per l’elenco.`);
    const out = path.resolve(required(o, 'out'));
    const subject = subjectOf(core.cliWork(conn, 'letters.print').store, o);
    const issued = await call(conn, 'letters.issue', { template: template as TemplateName, ...subject });
    const parts: Buffer[] = [];
    for (let offset = 0; ;) {
      const chunk = await call(conn, 'downloads.chunk', { downloadId: issued.downloadId, offset });
      const part = Buffer.from(chunk.dataBase64, 'base64');
      parts.push(part);
      offset += part.length;
      if (chunk.done) break;
    }
    atomicWrite(out, Buffer.concat(parts));
    console.log(out);
    await call(conn, 'auth.logout', {});
    return 0;
  } finally {
    conn.close();
    core.close();
  }
}

type Store = ReturnType<ReturnType<typeof createCore>['cliWork']>['store'];

/** The record named on the command line; the channel then checks the user's right to it, as for a window. */
function subjectOf(store: Store, o: Map<string, string | true>): Partial<InputOf<'letters.issue'>> {
  const given = ['appointment', 'case', 'person', 'tirocinio'].filter((k) => o.has(k));
  if (given.length !== 1) throw new UsageError('Indica uno solo tra --appointment ID, --case NUMERO, --person CF e --tirocinio ID.');
  const value = String(o.get(given[0] as string));
  switch (given[0]) {
    case 'appointment':
      return { appointmentId: value };
    case 'tirocinio':
      return { tirocinioId: value };
    case 'case': {
      const id = store.documents.caseIdByNumero(value.trim().toUpperCase());
      if (!id) throw new CliError(`Nessuna cartella con numero ${value}.`);
      return { caseId: id };
    }
    default: {
      const id = store.documents.personIdByCf(value.trim().toUpperCase());
      if (!id) throw new CliError('Nessuna persona con questo codice fiscale.');
      return { personId: id };
    }
  }
}
