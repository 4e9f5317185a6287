import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FEATURES, contract } from '../../shared/contracts';
import { authContract } from '../../shared/contracts/auth';
import { usersContract } from '../../shared/contracts/users';
import { channel, defineFeature, mergeContracts, mergeFeatures, type ChannelDef } from '../../shared/contracts/define';
import { AnyPassword, Empty, NewPassword, Ok, Username } from '../../shared/contracts/common';
import { ACTIONS } from '../../shared/domain/permissions';
import { PASSWORD_RULE } from '../../shared/domain/password-policy';

const FEATURE_MAPS: Record<string, Record<string, ChannelDef>> = Object.fromEntries(FEATURES.map((f) => [f.name, f.channels]));

/** The channel-name prefixes each feature declares. */
const PREFIXES: Record<string, readonly string[]> = Object.fromEntries(FEATURES.map((f) => [f.name, f.prefixes]));
const entries = Object.entries(contract) as [string, ChannelDef][];

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function messages(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('contratto: i canali', () => {
  it('every channel of every feature map is in the merged contract exactly once', () => {
    const all = Object.values(FEATURE_MAPS).flatMap((m) => Object.keys(m));
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(contract).sort()).toEqual([...all].sort());
  });

  it('channel names are "feature.verb" and the feature matches the map that declares it', () => {
    for (const [feature, map] of Object.entries(FEATURE_MAPS)) {
      for (const name of Object.keys(map)) {
        expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
        expect(PREFIXES[feature]).toContain(name.split('.')[0]);
      }
    }
  });

  it('the features are named once and no prefix belongs to two of them', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = Object.values(PREFIXES).flat();
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('every declared prefix is used by at least one channel of its feature', () => {
    for (const [feature, map] of Object.entries(FEATURE_MAPS)) {
      const used = new Set(Object.keys(map).map((name) => name.split('.')[0]));
      for (const prefix of PREFIXES[feature] ?? []) expect(used.has(prefix), `${feature}: ${prefix}`).toBe(true);
    }
  });

  it('every channel declares public, session or a known action as its access', () => {
    const allowed = new Set<string>(['public', 'session', ...ACTIONS]);
    for (const [name, def] of entries) expect(allowed.has(def.access), `${name}: ${def.access}`).toBe(true);
  });

  it('the channels open without a session are exactly set-up and login (a new one is a conscious decision)', () => {
    const publicChannels = entries.filter(([, def]) => def.access === 'public').map(([name]) => name);
    expect(publicChannels.sort()).toEqual(['auth.current', 'auth.login', 'auth.recover', 'auth.unlock', 'setup.init', 'setup.status']);
  });

  it('administration channels need the matching right', () => {
    for (const [name, def] of entries) {
      // users.directory lists colleagues' names for pickers: any session.
      if (name.startsWith('users.') && name !== 'users.directory') expect(def.access, name).toBe('users.manage');
      if (name.startsWith('audit.')) expect(def.access, name).toBe('audit.view');
      if (name.startsWith('zone.') && name !== 'zone.get') expect(def.access, name).toBe('zone.manage');
    }
  });

  it('every channel has zod schemas for input and output', () => {
    for (const [name, def] of entries) {
      expect(def.input, name).toBeInstanceOf(z.ZodType);
      expect(def.output, name).toBeInstanceOf(z.ZodType);
    }
  });
});

describe('contratto: mergeContracts', () => {
  const a = { 'prova.uno': channel(Empty, Ok, 'session') };
  const b = { 'prova.due': channel(Empty, Ok, 'public') };

  it('merges disjoint maps keeping every definition', () => {
    const merged = mergeContracts(a, b) as Record<string, ChannelDef>;
    expect(Object.keys(merged).sort()).toEqual(['prova.due', 'prova.uno']);
    expect(merged['prova.uno']).toBe(a['prova.uno']);
    expect(merged['prova.due']).toBe(b['prova.due']);
  });

  it('stops on a channel declared twice, naming it', () => {
    const again = { 'prova.uno': channel(Empty, Ok, 'users.manage') };
    expect(() => mergeContracts(a, b, again)).toThrow('Canale duplicato nel contratto: prova.uno');
    expect(() => mergeContracts(authContract, usersContract, authContract)).toThrow(/Canale duplicato nel contratto: (setup|auth)\./);
  });

  it('rejects a duplicate even when a map lists a channel already inherited from Object.prototype', () => {
    const c = { toString: channel(Empty, Ok, 'public') };
    expect(() => mergeContracts(c)).not.toThrow();
    expect(() => mergeContracts(c, c)).toThrow('Canale duplicato nel contratto: toString');
  });
});

describe('contratto: defineFeature e mergeFeatures', () => {
  const uno = { 'prova.uno': channel(Empty, Ok, 'session') };
  const due = { 'altro.due': channel(Empty, Ok, 'session') };

  it("stops on a channel outside the feature's prefixes, naming it", () => {
    expect(() => defineFeature('prova', { prefixes: ['prova'], channels: { ...uno, ...due } })).toThrow('Canale fuori dai prefissi della funzione prova: altro.due');
  });

  it("merges the features' channels", () => {
    const merged = mergeFeatures([defineFeature('prova', { prefixes: ['prova'], channels: uno }), defineFeature('altro', { prefixes: ['altro'], channels: due })]);
    expect(Object.keys(merged).sort()).toEqual(['altro.due', 'prova.uno']);
  });

  it('stops on a feature named twice or a prefix claimed by two features', () => {
    const prova = defineFeature('prova', { prefixes: ['prova'], channels: uno });
    expect(() => mergeFeatures([prova, defineFeature('prova', { prefixes: ['altro'], channels: due })])).toThrow('Funzione duplicata nel contratto: prova');
    expect(() => mergeFeatures([prova, defineFeature('altro', { prefixes: ['altro', 'prova'], channels: due })])).toThrow('Prefisso prova dichiarato da prova e da altro');
  });
});

describe('contratto: gli input sono oggetti stretti', () => {
  it('every channel input is a strict object (unknown keys are refused)', () => {
    for (const [name, def] of entries) {
      const input = def.input;
      expect(input, name).toBeInstanceOf(z.ZodObject);
      const catchall = (input as z.ZodObject).def.catchall;
      expect(catchall?._zod.def.type, name).toBe('never');
    }
  });

  const samples: [string, Record<string, unknown>][] = [
    ['setup.status', {}],
    ['auth.current', {}],
    ['auth.login', { username: 'mario.rossi', password: 'qualsiasi' }],
    ['auth.unlock', { password: 'qualsiasi' }],
    ['auth.recover', { username: 'mario.rossi', recoveryKey: 'ABCDE-FGHJK', newPassword: 'Narni2026sicura' }],
    ['auth.changePassword', { currentPassword: 'vecchia', newPassword: 'Narni2026sicura' }],
    ['users.setDisabled', { id: ID, disabled: true }],
    ['users.resetPassword', { id: ID, newPassword: 'Narni2026sicura' }],
    ['zone.saveRoom', { sedeId: ID, nome: 'Stanza 1', attiva: true }],
    ['audit.list', { log: 'data' }],
  ];
  for (const [name, valid] of samples) {
    it(`${name}: accepts a valid input and refuses an extra key`, () => {
      const def = (contract as Record<string, ChannelDef>)[name];
      expect(def).toBeDefined();
      const schema = (def as ChannelDef).input;
      expect(schema.safeParse(valid).success).toBe(true);
      const withExtra = schema.safeParse({ ...valid, isAdmin: true });
      expect(withExtra.success).toBe(false);
      expect(withExtra.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
    });
  }

  it('nested set-up objects are strict too', () => {
    const input = contract['setup.init'].input;
    const valid = {
      zone: {
        nome: 'Zona Sociale 11',
        ente: 'Comune di Narni',
        comuni: [{ istat: '055022', catastale: 'F844', nome: 'Narni', provincia: 'TR' }],
        sedi: [{ nome: 'Narni', lettera: 'N', comuneIstat: '055022', indirizzo: 'Piazza dei Priori 1', telefono: '', rooms: [] }],
        letterhead: { intestazione: 'Comune di Narni', sottotitolo: '', indirizzo: '', contatti: '' },
      },
      admin: { username: 'admin', fullName: 'Anna Bianchi', password: 'Narni2026sicura' },
    };
    expect(input.safeParse(valid).success).toBe(true);
    expect(input.safeParse({ ...valid, admin: { ...valid.admin, profile: 'amministratore' } }).success).toBe(false);
    expect(input.safeParse({ ...valid, zone: { ...valid.zone, extra: 1 } }).success).toBe(false);
  });

  it('the unknown-key message is Italian', () => {
    const result = contract['auth.login'].input.safeParse({ username: 'mario.rossi', password: 'x', ruolo: 'admin' });
    expect(messages(result)).toContain('Chiave non riconosciuta: "ruolo"');
  });
});

describe('contratto: messaggi di validazione in italiano', () => {
  it('Nome utente', () => {
    expect(messages(Username.safeParse(undefined))).toEqual(['Nome utente: campo obbligatorio.']);
    expect(messages(Username.safeParse(42))).toEqual(['Nome utente: campo obbligatorio.']);
    expect(messages(Username.safeParse('ab'))).toEqual(['Nome utente: almeno 3 caratteri.']);
    expect(messages(Username.safeParse('  ab  '))).toEqual(['Nome utente: almeno 3 caratteri.']);
    expect(messages(Username.safeParse('a'.repeat(33)))).toEqual(['Nome utente: massimo 32 caratteri.']);
    expect(messages(Username.safeParse('mario rossi'))).toEqual(['Nome utente: solo lettere minuscole, cifre, punto, trattino e trattino basso.']);
    expect(messages(Username.safeParse('.mario'))).toEqual(['Nome utente: solo lettere minuscole, cifre, punto, trattino e trattino basso.']);
  });

  it('a user name is trimmed and lower-cased', () => {
    expect(Username.parse('  Mario.Rossi ')).toBe('mario.rossi');
  });

  it('nuova password', () => {
    expect(messages(NewPassword.safeParse(undefined))).toEqual(['Password: campo obbligatorio.']);
    expect(messages(NewPassword.safeParse('corta1'))).toEqual([`La password è troppo corta: servono almeno 12 caratteri. ${PASSWORD_RULE}`]);
    expect(messages(NewPassword.safeParse('password12'))[0]).toMatch(/^La password è troppo corta/);
    expect(messages(NewPassword.safeParse('password1234'))[0]).toMatch(/^La password è troppo facile da indovinare\. /);
    expect(messages(NewPassword.safeParse('123456789012'))[0]).toMatch(/^La password è troppo facile da indovinare\. /);
    expect(messages(NewPassword.safeParse('a1'.repeat(129)))[0]).toBe('Password: massimo 256 caratteri.');
    expect(NewPassword.safeParse('Narni2026sicura').success).toBe(true);
    expect(NewPassword.safeParse('perché1234àè').success).toBe(true);
    expect(PASSWORD_RULE).toBe('Almeno 12 caratteri, difficile da indovinare e senza il nome utente: ad esempio tre o quattro parole a caso, con una cifra.');
  });

  it('a password being checked is any non-empty bounded string (policy changes never lock anyone out)', () => {
    expect(AnyPassword.safeParse('x').success).toBe(true);
    expect(messages(AnyPassword.safeParse(''))).toEqual(['Password: campo obbligatorio.']);
  });

  it('no message from the shared schemas is in English', () => {
    const english = /\b(Invalid|Expected|Required|Too (small|big)|Unrecognized|must|should)\b/;
    const results = [
      Username.safeParse(undefined),
      Username.safeParse(''),
      Username.safeParse('A B'),
      NewPassword.safeParse(''),
      NewPassword.safeParse(5),
      AnyPassword.safeParse(null),
      Empty.safeParse({ a: 1 }),
      Empty.safeParse('x'),
      contract['audit.list'].input.safeParse({ log: 'tutti', limit: 0 }),
      contract['users.setDisabled'].input.safeParse({ id: 'non-un-id', disabled: 'sì' }),
    ];
    for (const result of results) {
      expect(result.success).toBe(false);
      for (const message of messages(result)) expect(message).not.toMatch(english);
    }
  });
});
