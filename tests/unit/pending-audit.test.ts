import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PendingAuditFile, newInboxKeys, publicKeyOf, seal, unseal, type PendingEvent } from '../../electron/core/services/auth/pending-audit';
import { tempDir } from '../support/core-harness';

const EVENT: PendingEvent = {
  actor: { userId: null, username: 'mario.rossi', profile: null, workstation: 'postazione-1' },
  entry: { log: 'admin', action: 'auth.login', outcome: 'denied', detail: 'Password errata (tentativo n. 1)' },
  at: '2026-03-02T07:15:00.000Z',
};

describe('sealed security events', () => {
  it('open only with the inbox private key, and say nothing in clear', () => {
    const inbox = newInboxKeys();
    expect(publicKeyOf(inbox.privateKey)).toBe(inbox.publicKey);
    const line = seal(inbox.publicKey, EVENT);
    expect(line).not.toMatch(/mario|rossi|Password|auth\.login/);
    expect(line).not.toContain('\n');
    expect(unseal(inbox.privateKey, line)).toEqual(EVENT);
    expect(unseal(newInboxKeys().privateKey, line)).toBeNull();
    const flipped = `${line.slice(0, -6)}${line.slice(-6, -5) === 'A' ? 'B' : 'A'}${line.slice(-5)}`;
    expect(unseal(inbox.privateKey, flipped)).toBeNull();
    expect(unseal(inbox.privateKey, 'v1.troncata')).toBeNull();
  });

  it('the file is bounded: past the limit events are only counted', () => {
    const inbox = newInboxKeys();
    const file = new PendingAuditFile(path.join(tempDir(), 'eventi-in-sospeso.jsonl'), 10);
    for (let i = 0; i < 13; i++) file.append(inbox.publicKey, { ...EVENT, at: `2026-03-02T07:15:${String(i).padStart(2, '0')}.000Z` });
    file.append(null, EVENT);
    const waiting = file.read()!;
    expect(waiting.lines).toHaveLength(10);
    expect(waiting.dropped).toBe(4);
    expect(waiting.lines.map((l) => unseal(inbox.privateKey, l)?.at)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-03-02T07:15:${String(i).padStart(2, '0')}.000Z`));
    expect(fs.readFileSync(file.file, 'utf8')).not.toMatch(/mario/);
    file.remove();
    expect(file.read()).toBeNull();
  });
});
