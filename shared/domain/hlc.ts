/**
 * Hybrid logical clock (Kulkarni et al.; the scheme Actual Budget uses for sync).
 * A timestamp is `<ISO millis>-<counter hex4>-<node>`, so string order is causal order,
 * ties broken by node id. Pure: the caller passes wall-clock time in.
 */
export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 0xffff;
/** Remote clocks further ahead than this are reported, never merged silently (ARCHITECTURE.md, sync). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`Orologio remoto avanti di ${Math.round(driftMs / 1000)} s rispetto a questa postazione`);
  }
}

export function formatHlc(s: HlcState): string {
  return `${new Date(s.millis).toISOString()}-${s.counter.toString(16).padStart(4, '0')}-${s.node}`;
}

const HLC_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function parseHlc(text: string): HlcState | null {
  const m = HLC_RE.exec(text);
  if (!m) return null;
  const millis = Date.parse(m[1] as string);
  if (Number.isNaN(millis)) return null;
  const state = { millis, counter: parseInt(m[2] as string, 16), node: m[3] as string };
  // Date.parse rolls 30 February over into March: only a canonical stamp keeps string order = time order.
  return formatHlc(state) === text ? state : null;
}

/** Next timestamp for a local event. */
export function tick(prev: HlcState, wallMillis: number): HlcState {
  const millis = Math.max(prev.millis, wallMillis);
  const counter = millis === prev.millis ? prev.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: prev.node };
  return { millis, counter, node: prev.node };
}

/** Merge a remote timestamp on receipt. */
export function receive(prev: HlcState, remote: HlcState, wallMillis: number): HlcState {
  if (remote.millis - wallMillis > MAX_DRIFT_MS) throw new ClockDriftError(remote.millis - wallMillis);
  const millis = Math.max(prev.millis, remote.millis, wallMillis);
  let counter: number;
  if (millis === prev.millis && millis === remote.millis) counter = Math.max(prev.counter, remote.counter) + 1;
  else if (millis === prev.millis) counter = prev.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: prev.node };
  return { millis, counter, node: prev.node };
}
