import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/domain/errors';
import type { ParsedInputOf } from '../../../../shared/contracts';
import type { DataDir } from '../../data-dir';
import type { Actor } from '../../db/repositories/audit.repo';
import { uuidv7 } from '../../ids';
import { newKeyFile, withUserEntry, writeKeyFile } from '../../keys/keyfile';
import { RECOVERY_KDF, wrapKey, type KdfParams } from '../../keys/key-wrap';
import { newRecoveryKey } from '../../keys/recovery-key';
import { Store } from '../../store';
import { assertNewPassword } from './password-rule';

type SetupData = ParsedInputOf<'setup.init'>;

/**
 * First run: a new random database key, the zone, the first administrator, the recovery key.
 * Everything is built in a staging folder; renaming the key file into place commits it, so an
 * interruption leaves either no set-up or a complete one, and never touches existing data.
 */
export async function initialiseDataDir(dir: DataDir, input: SetupData, workstation: string, passwordKdf: KdfParams): Promise<{ adminId: string; recoveryKey: string }> {
  if (dir.isSetUp()) throw new AppError('ALREADY_SET_UP');
  if (fs.existsSync(dir.dbFile)) throw new AppError('KEYFILE_MISSING');
  assertNewPassword(input.admin.password, input.admin.username, 'admin.password');
  fs.mkdirSync(dir.root, { recursive: true, mode: 0o700 });
  // A staging folder without a committed key file is an abandoned set-up: it held no one's data.
  fs.rmSync(dir.stagingDir, { recursive: true, force: true });
  fs.mkdirSync(dir.stagingDir, { mode: 0o700 });

  const key = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const adminId = uuidv7();
  const stagedDb = path.join(dir.stagingDir, 'archivio.db');
  const stagedKeys = path.join(dir.stagingDir, 'chiavi.json');
  try {
    const store = Store.open(stagedDb, key, true);
    try {
      seed(store, input, adminId, workstation);
    } finally {
      store.close();
    }
    const recovery = await wrapKey(key, recoveryKey, 'recovery', RECOVERY_KDF);
    const adminEntry = await wrapKey(key, input.admin.password, adminId, passwordKdf);
    writeKeyFile(stagedKeys, withUserEntry(newKeyFile(uuidv7(), recovery), adminId, input.admin.username, adminEntry));
    fs.renameSync(stagedKeys, dir.keyFile);
    dir.completeInterruptedSetup();
  } finally {
    key.fill(0);
  }
  return { adminId, recoveryKey };
}

function seed(store: Store, input: SetupData, adminId: string, workstation: string): void {
  const w = store.writer;
  const system: Actor = { userId: null, username: null, profile: null, workstation };
  const admin: Actor = { userId: adminId, username: input.admin.username, profile: 'amministratore', workstation };
  const z = input.zone;
  w.transaction(() => {
    w.insert(
      system,
      'zone',
      uuidv7(),
      {
        nome: z.nome,
        ente: z.ente,
        lh_intestazione: z.letterhead.intestazione,
        lh_sottotitolo: z.letterhead.sottotitolo,
        lh_indirizzo: z.letterhead.indirizzo,
        lh_contatti: z.letterhead.contatti,
        idle_timeout_min: 10,
      },
      { log: 'admin', action: 'setup.init', subjectType: 'zona', subjectLabel: z.nome, detail: 'Configurazione iniziale della zona' },
    );
    for (const c of z.comuni) {
      w.insert(
        system,
        'comuni',
        uuidv7(),
        { istat: c.istat, catastale: c.catastale, nome: c.nome, provincia: c.provincia },
        {
          log: 'admin',
          action: 'zone.saveComune',
          subjectType: 'comune',
          subjectLabel: c.nome,
        },
      );
    }
    let firstSedeId: string | null = null;
    for (const s of z.sedi) {
      const sedeId = uuidv7();
      firstSedeId ??= sedeId;
      w.insert(
        system,
        'sedi',
        sedeId,
        { nome: s.nome, lettera: s.lettera, comune_istat: s.comuneIstat, indirizzo: s.indirizzo, telefono: s.telefono },
        { log: 'admin', action: 'zone.saveSede', subjectType: 'sede', subjectId: sedeId, subjectLabel: s.nome },
      );
      for (const room of new Set(s.rooms)) {
        const roomId = uuidv7();
        w.insert(
          system,
          'rooms',
          roomId,
          { sede_id: sedeId, nome: room, attiva: 1 },
          {
            log: 'admin',
            action: 'zone.saveRoom',
            subjectType: 'stanza',
            subjectId: roomId,
            subjectLabel: `${s.nome} - ${room}`,
          },
        );
      }
    }
    w.insert(
      system,
      'users',
      adminId,
      {
        username: input.admin.username,
        full_name: input.admin.fullName,
        profile: 'amministratore',
        sede_id: firstSedeId,
        disabled: 0,
        must_change_password: 0,
        created_at: new Date().toISOString(),
      },
      { log: 'admin', action: 'users.create', subjectType: 'utente', subjectId: adminId, subjectLabel: input.admin.username, detail: 'Primo amministratore' },
    );
    w.record(admin, { log: 'admin', action: 'keys.recovery_issued', detail: 'Chiave di recupero generata e mostrata per la stampa' });
  });
}
