import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalText, text, Username } from '../../shared/contracts/common';
import { maxLengthOf } from '../../shared/contracts/limits';
import { maxLength } from '../../renderer/api/limits';

const ROOT = path.resolve(import.meta.dirname, '../..');

function rendererSources(): { file: string; src: string }[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  return walk(path.join(ROOT, 'renderer')).map((f) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), src: fs.readFileSync(f, 'utf8') }));
}

/**
 * Fields whose contract checks a pattern or a number, not a length: the box only stops the
 * typing where the format ends (ISTAT code, cadastral code, province, sede letter, "mm-gg",
 * INPS code A1.05.01, year, months, hours and euro amounts typed as text, the backup time and days,
 * the years of conservazione).
 */
const FORMAT_LENGTHS: Record<string, number[]> = {
  'renderer/components/EuroField.tsx': [20],
  'renderer/features/backup/BackupSettingsForm.tsx': [5, 2],
  'renderer/features/agenda/PatronsSection.tsx': [5],
  'renderer/features/cases/InterventionDialogs.tsx': [8, 6, 6],
  'renderer/features/cases/PaiDialogs.tsx': [2],
  'renderer/features/persons/IseeDialog.tsx': [4],
  'renderer/features/records/RegistroTab.tsx': [3],
  'renderer/features/setup/SedeFields.tsx': [1],
  'renderer/features/zone/ComuneDialog.tsx': [6, 4, 2],
  'renderer/features/zone/SedeDialog.tsx': [1],
};

describe('form limits come from the contract', () => {
  it('maxLengthOf reads the checked side of trimming pipes and looks through wrappers', () => {
    expect(maxLengthOf(text('Nome', 80))).toBe(80);
    // optionalText accepts twice the length before trimming; the limit the user is told is the checked one.
    expect(maxLengthOf(optionalText('Note', 500))).toBe(500);
    expect(maxLengthOf(optionalText('Motivo', 300).default(''))).toBe(300);
    expect(maxLengthOf(z.string().max(40).nullable().optional())).toBe(40);
    expect(maxLengthOf(Username)).toBe(32);
    expect(() => maxLengthOf(z.string())).toThrow(/senza lunghezza massima/);
    expect(() => maxLengthOf(z.number())).toThrow(/senza lunghezza massima/);
  });

  it("maxLength names a channel's input field and gives the core's limit", () => {
    expect(maxLength('diary.create', 'testo')).toBe(20000);
    expect(maxLength('accessi.create', 'note')).toBe(2000);
    expect(maxLength('zone.saveSede', 'telefono')).toBe(40);
    expect(maxLength('users.create', 'fullName')).toBe(120);
  });

  it('no renderer file writes a text limit of its own: only format lengths, listed here', () => {
    const found: Record<string, number[]> = {};
    for (const { file, src } of rendererSources()) {
      const literals = [...src.matchAll(/maxLength:\s*(\d+)/g)].map((m) => Number(m[1]));
      if (literals.length > 0) found[file] = literals;
    }
    expect(found).toEqual(FORMAT_LENGTHS);
  });
});
