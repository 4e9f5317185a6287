import { describe, expect, it } from 'vitest';
import { findClashes, overlaps, type Booking } from '../../shared/domain/conflicts';

const b = (key: string, start: string, end: string, operatorIds: string[], roomId: string | null, stato = 'programmato'): Booking => ({
  key,
  appointmentId: key,
  start: `2026-05-12T${start}`,
  end: `2026-05-12T${end}`,
  operatorIds,
  roomId,
  stato,
});

describe('sovrapposizioni', () => {
  it('the same operator twice at once is a clash, even in two sedi (rooms differ)', () => {
    const clashes = findClashes([b('new', '10:00', '11:00', ['anna'], 'narni-1')], [b('old', '10:30', '11:30', ['anna'], 'amelia-1')]);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ kind: 'operatore', who: 'anna' });
  });

  it('the same room twice at once is a clash, whoever books it', () => {
    const clashes = findClashes([b('new', '10:00', '11:00', ['anna'], 'sala')], [b('old', '09:00', '10:15', ['luca'], 'sala')]);
    expect(clashes.map((c) => c.kind)).toEqual(['stanza']);
  });

  it('back-to-back is not a clash; nor a cancelled booking, nor the appointment itself', () => {
    expect(overlaps(b('a', '09:00', '10:00', [], null), b('b', '10:00', '11:00', [], null))).toBe(false);
    expect(findClashes([b('new', '10:00', '11:00', ['anna'], 'sala')], [b('old', '09:00', '10:00', ['anna'], 'sala')])).toEqual([]);
    expect(findClashes([b('new', '10:00', '11:00', ['anna'], 'sala')], [b('old', '10:00', '11:00', ['anna'], 'sala', 'annullato')])).toEqual([]);
    expect(findClashes([b('same', '10:00', '11:00', ['anna'], 'sala')], [b('same', '10:00', '11:00', ['anna'], 'sala')])).toEqual([]);
  });

  it('operator and room clashes are both reported; different days never clash', () => {
    expect(findClashes([b('new', '10:00', '11:00', ['anna', 'luca'], 'sala')], [b('old', '10:00', '10:30', ['luca'], 'sala')]).map((c) => c.kind)).toEqual(['operatore', 'stanza']);
    const other = { ...b('old', '10:00', '11:00', ['anna'], 'sala'), start: '2026-05-13T10:00', end: '2026-05-13T11:00' };
    expect(findClashes([b('new', '10:00', '11:00', ['anna'], 'sala')], [other])).toEqual([]);
  });
});
