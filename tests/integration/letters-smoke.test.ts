import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/core-harness';
import { lettersOffice, pdfOf, type LettersOffice } from '../support/letters-fixtures';

let o: LettersOffice;
beforeAll(async () => {
  o = await lettersOffice();
}, 60_000);
afterAll(() => o.core.close());

describe('smoke', () => {
  it('prepares and issues a convocazione', async () => {
    const p = await call(o.as, 'letters.prepare', { template: 'convocazione', appointmentId: o.full.appointmentId });
    console.log(p.mancanti, p.destinatario);
    const issued = await call(o.as, 'letters.issue', { template: 'convocazione', appointmentId: o.full.appointmentId });
    const pdf = await pdfOf(o.as, issued.downloadId);
    console.log(pdf.text, pdf.file);
    expect(pdf.text).toContain('Nicolò');
  }, 60_000);
});
