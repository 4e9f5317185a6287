import type { Channel, InputOf, OutputOf } from '../../../shared/contracts';
import type { Connection } from '../app';
import { readSecretFile, required } from './args';

export class CliError extends Error {}

/** Call a channel through the router, as any other client would, and unwrap the reply. */
export async function call<C extends Channel>(conn: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const reply = await conn.call(channel, input);
  if (!reply.ok) throw new CliError(reply.error.message);
  return reply.data as OutputOf<C>;
}

/** Verbs that open an existing data folder log in like a person, and are audited the same way. */
export async function loginFromOptions(conn: Connection, options: Map<string, string | true>): Promise<void> {
  const username = required(options, 'user');
  const password = readSecretFile(required(options, 'password-file'));
  await call(conn, 'auth.login', { username, password });
}
