import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Connection } from '../../../electron/core/app';
import { call } from '../../support/core-harness';
import { SCREENSHOT_DIR } from './browser';

/**
 * Clicks `button`, takes the file the page saves and keeps it beside the screenshots with its
 * pages as PNG (`<name>-1.png`, …) to look at; returns its path and its text (pdftotext).
 */
export async function savePdfFrom(page: Page, button: Locator, name: string): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  await download.saveAs(file);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOT_DIR, name)]);
  return { file, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

/** Clicks `button`, keeps the .docx the page saves beside the screenshots; returns its name and its word/document.xml. */
export async function saveDocxFrom(page: Page, button: Locator, name: string): Promise<{ file: string; name: string; xml: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.docx`);
  await download.saveAs(file);
  execFileSync('unzip', ['-tq', file]);
  return { file, name: download.suggestedFilename(), xml: execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }) };
}

/** A colloquio on `day` in a sede's room, with a person and their case, saved through the core. */
export async function colloquioOn(
  as: Connection,
  day: string,
  f: { sedeId: string; roomId: string; operatorId: string; personId: string; caseId: string; start: string; end: string },
) {
  return call(as, 'agenda.save', {
    tipo: 'colloquio',
    sedeId: f.sedeId,
    roomId: f.roomId,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [f.operatorId],
    personId: f.personId,
    caseId: f.caseId,
    start: `${day}T${f.start}`,
    end: `${day}T${f.end}`,
    rrule: '',
    note: '',
  });
}
