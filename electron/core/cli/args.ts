import fs from 'node:fs';

export class UsageError extends Error {}

/** `--name value` and `--flag` options after the verb(s); nothing clever. */
export function parseOptions(args: string[], flags: readonly string[], valued: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`Argomento inatteso: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(name)) {
      out.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Manca il valore di --${name}`);
      out.set(name, value);
    } else {
      throw new UsageError(`Opzione sconosciuta: --${name}`);
    }
  }
  return out;
}

export function required(options: Map<string, string | true>, name: string): string {
  const v = options.get(name);
  if (typeof v !== 'string' || v === '') throw new UsageError(`Opzione obbligatoria mancante: --${name}`);
  return v;
}

/** A password is read from a file, never from the command line (it would show in `ps`). */
export function readSecretFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Non riesco a leggere il file della password: ${file}`);
  }
  return text.replace(/\r?\n$/, '');
}
