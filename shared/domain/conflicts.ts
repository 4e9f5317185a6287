/**
 * Double bookings. Times are wall-time strings 'YYYY-MM-DDTHH:mm', which sort like the times
 * they name, so overlap is plain string comparison. Intervals are half-open: a meeting ending
 * at 10:00 and another starting at 10:00 do not clash.
 */
export interface Booking {
  /** Identifies the occurrence: appointment id plus occurrence date for series. */
  key: string;
  appointmentId: string;
  start: string;
  end: string;
  operatorIds: readonly string[];
  roomId: string | null;
  stato?: string;
}

export interface Clash {
  kind: 'operatore' | 'stanza';
  /** The operator's user id or the room id. */
  who: string;
  with: Booking;
  at: { start: string; end: string };
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Bookings that clash with the candidates; cancelled ones and the appointment itself never do. */
export function findClashes(candidates: readonly Booking[], existing: readonly Booking[]): Clash[] {
  const clashes: Clash[] = [];
  const ownIds = new Set(candidates.map((c) => c.appointmentId));
  for (const c of candidates) {
    for (const e of existing) {
      if (ownIds.has(e.appointmentId) || e.stato === 'annullato' || !overlaps(c, e)) continue;
      for (const op of c.operatorIds) if (e.operatorIds.includes(op)) clashes.push({ kind: 'operatore', who: op, with: e, at: { start: c.start, end: c.end } });
      if (c.roomId && c.roomId === e.roomId) clashes.push({ kind: 'stanza', who: c.roomId, with: e, at: { start: c.start, end: c.end } });
    }
  }
  return clashes;
}
