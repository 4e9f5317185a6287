import type { Channel, InputOf, OutputOf } from '../../shared/contracts';
import { ERROR_CODES, type ErrorCode } from '../../shared/domain/errors';
import { CoreEvent, type CoreEventData } from '../../shared/contracts/events';
import { ApiError } from './errors';
import type { Transport } from './transport';

/** Codes that mean "the session changed under you": the app switches screen, whatever the caller. */
export type SessionProblem = 'SESSION_LOCKED' | 'NOT_AUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED';
const SESSION_PROBLEMS: readonly string[] = ['SESSION_LOCKED', 'NOT_AUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED'];

// These run before a session exists: their refusals are the screen's own business.
const PRE_SESSION: readonly string[] = ['setup.status', 'setup.init', 'auth.login', 'auth.recover', 'auth.current'];

let transport: Transport | null = null;
let sessionListener: ((problem: SessionProblem) => void) | null = null;

export function setTransport(next: Transport): void {
  transport = next;
  listenTo(next);
}

export function onSessionProblem(listener: (problem: SessionProblem) => void): () => void {
  sessionListener = listener;
  return () => {
    if (sessionListener === listener) sessionListener = null;
  };
}

function knownCode(code: string): ErrorCode | 'DISCONNECTED' {
  if (code === 'DISCONNECTED') return code;
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  if (!transport) throw new ApiError('DISCONNECTED', 'Connessione al programma non ancora aperta.');
  const reply = await transport.invoke(channel, input);
  if (reply.ok) return reply.data as OutputOf<C>;
  const { code, message, field, issues } = reply.error;
  if (SESSION_PROBLEMS.includes(code) && !PRE_SESSION.includes(channel)) sessionListener?.(code as SessionProblem);
  throw new ApiError(knownCode(code), message, field, issues);
}

const eventListeners = new Set<(event: CoreEventData) => void>();
let detachTransport: (() => void) | null = null;

/** Push events from the core, validated: a malformed one is dropped. */
function listenTo(next: Transport): void {
  detachTransport?.();
  detachTransport = next.onEvent((raw) => {
    const event = CoreEvent.safeParse(raw);
    if (!event.success) return;
    for (const listener of eventListeners) listener(event.data);
  });
}

function onEvent(listener: (event: CoreEventData) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

/** The one typed door to the core, and the core's voice back (push events). */
export const api = { call, onEvent };
