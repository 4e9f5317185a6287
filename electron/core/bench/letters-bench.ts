import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { closeDatabase, openDatabase } from '../db/open';
import { AttachmentStore } from '../files/attachment-store';
import { uuidv7 } from '../ids';
import { BatchService } from '../services/letters/batch.service';
import { ChromiumPdf, chromiumPath } from '../services/letters/chromium-pdf';
import { LettersService, type LetterDeps } from '../services/letters/letters.service';
import { NO_PLACE_NAMES } from '../services/persons/place-names';
import type { WorkContext } from '../services/work-context';
import { Store } from '../store';
import { median, round, type Metric } from './metrics';

const DAY = '2027-03-02';

/**
 * Letters on this machine's Chromium: one convocazione to PDF with Chromium already warm
 * (read, compose, print; median of `rounds`), and 100 convocazioni of a sede's day in one PDF
 * (the batch as the channel runs it: agenda listing, 100 letters checked and composed, one PDF).
 */
export async function lettersBench(options: { rounds: number; log: (line: string) => void }): Promise<Metric[]> {
  if (!chromiumPath()) {
    options.log('lettere: Chromium non trovato, misure saltate (installa chromium o imposta UDC_CHROMIUM)');
    return [];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-letters-'));
  const key = randomBytes(32);
  const db = openDatabase(path.join(dir, 'letters.db'), key, { create: true });
  const pdf = new ChromiumPdf();
  try {
    const now = `${DAY}T07:00:00.000Z`;
    const sede = uuidv7();
    const room = uuidv7();
    const userId = uuidv7();
    const appointments: string[] = [];
    db.transaction(() => {
      db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione, lh_sottotitolo, lh_indirizzo) VALUES (?, ?, ?, ?, ?, ?)`).run(
        uuidv7(),
        ZONA_SOCIALE_11.nome,
        ZONA_SOCIALE_11.ente,
        ZONA_SOCIALE_11.letterhead.intestazione,
        ZONA_SOCIALE_11.letterhead.sottotitolo,
        ZONA_SOCIALE_11.letterhead.indirizzo,
      );
      for (const c of ZONA_SOCIALE_11.comuni) db.prepare('INSERT INTO comuni VALUES (?, ?, ?, ?, ?)').run(uuidv7(), c.istat, c.catastale, c.nome, c.provincia);
      db.prepare(`INSERT INTO sedi VALUES (?, 'Amelia', 'A', '055004', 'Piazza Matteotti 3 - 05022 Amelia (TR)', '0744 000000')`).run(sede);
      db.prepare(`INSERT INTO rooms VALUES (?, ?, 'Sala colloqui', 1)`).run(room, sede);
      db.prepare(`INSERT INTO users (id, username, full_name, profile, created_at) VALUES (?, 'as', 'Maria Rossi', 'amministrativo', ?)`).run(userId, now);
      for (let i = 0; i < 100; i++) {
        const person = uuidv7();
        db.prepare(`INSERT INTO persons (id, cognome, nome, sesso, residenza_comune_istat, residenza_indirizzo, created_at) VALUES (?, ?, 'Nicolò', 'M', '055004', ?, ?)`).run(
          person,
          `D’Annunzio-Colò ${i}`,
          `Via del Campanile ${i + 1}`,
          now,
        );
        const id = uuidv7();
        const minutes = 8 * 60 + i * 5;
        const at = (m: number) => `${DAY}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        db.prepare(`INSERT INTO appointments (id, tipo, sede_id, room_id, person_id, inizio, fine, created_at) VALUES (?, 'colloquio', ?, ?, ?, ?, ?, ?)`).run(
          id,
          sede,
          room,
          person,
          at(minutes),
          at(minutes + 5),
          now,
        );
        db.prepare(`INSERT INTO appointment_operators VALUES (?, ?, ?, ?, 1)`).run(uuidv7(), id, userId, at(minutes));
        appointments.push(id);
      }
    })();
    const store = Store.over(db);
    const ctx: WorkContext = {
      store,
      actor: { userId, username: 'as', profile: 'amministrativo', workstation: 'bench' },
      userId,
      profile: 'amministrativo',
      now: () => Date.parse(now),
    };
    const deps: LetterDeps = { places: NO_PLACE_NAMES, pdf, files: () => new AttachmentStore(dir, key), startDownload: () => '', progress: () => undefined };
    const letters = new LettersService(ctx, deps);
    const input = { template: 'convocazione' as const, appointmentId: appointments[0] as string, parti: {} };
    await letters.previewPdf(input);
    const times: number[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const t = performance.now();
      await letters.previewPdf({ ...input, appointmentId: appointments[i % appointments.length]! });
      times.push(performance.now() - t);
    }
    const t = performance.now();
    const batch = await new BatchService(ctx, deps).convocazioni({ template: 'convocazione', sedeId: sede, data: DAY });
    const batchS = (performance.now() - t) / 1000;
    if (batch.stampate !== 100) throw new Error(`batch: ${batch.stampate} lettere invece di 100 (${batch.saltati[0]?.motivo ?? ''})`);
    options.log(`lettere: ${options.rounds} convocazioni singole, 100 in blocco (${Math.round((batch.file?.dimensione ?? 0) / 1024)} KB)`);
    store.writer.close();
    return [
      { name: 'letter_pdf_ms', value: round(median(times), 1), unit: 'ms', target: 300 },
      { name: 'batch_100_pdf_s', value: round(batchS, 2), unit: 's', target: 15 },
    ];
  } finally {
    await pdf.close();
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
