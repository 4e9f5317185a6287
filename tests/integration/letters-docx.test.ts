import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contracts';
import { formatLongItalianDate } from '../../shared/domain/dates';
import { TEMPLATE_NAMES, type TemplateName } from '../../shared/domain/letters';
import { BUILTIN_TEMPLATES } from '../../electron/core/services/letters/builtin';
import { detectFileType } from '../../electron/core/files/file-type';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, sendUpload, tempDir } from '../support/core-harness';
import { DAY, lettersOffice, pdfOf, type LettersOffice } from '../support/letters-fixtures';
import { solidPng } from '../support/png';

let o: LettersOffice;
let outDir: string;
beforeAll(async () => {
  o = await lettersOffice();
  outDir = tempDir('udc-docx-');
}, 120_000);
afterAll(() => o.core.close());

/** The .docx on disk, so `unzip` reads it as Word or LibreOffice would. */
async function docxOf(input: InputOf<'letters.docx'>): Promise<{ bytes: Buffer; file: string; part: (name: string) => string; names: string[] }> {
  const out = await call(o.as, 'letters.docx', input);
  expect(out.nomeFile).toMatch(/^[a-z-]+-\d{4}-\d{2}-\d{2}\.docx$/);
  const bytes = await receiveDownload(o.as, out.downloadId);
  expect(bytes.length).toBe(out.dimensione);
  const file = path.join(outDir, `${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, bytes);
  // `unzip -t` checks every entry's CRC: a broken archive fails here.
  execFileSync('unzip', ['-tq', file]);
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
  // unzip reads names as wildcard patterns: [Content_Types] needs its brackets escaped.
  return { bytes, file, names, part: (name) => execFileSync('unzip', ['-p', file, name.replace(/[[\]]/g, '\\$&')], { encoding: 'utf8' }) };
}

/** Well-formed XML, by a real parser (Python's expat). */
function expectWellFormed(xml: string): void {
  execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: xml });
}

function fullSubject(name: TemplateName): Partial<InputOf<'letters.docx'>> {
  const kinds = BUILTIN_TEMPLATES[name].soggetti;
  if (kinds.includes('appuntamento')) return { appointmentId: o.full.appointmentId };
  if (kinds.includes('tirocinio')) return { tirocinioId: o.full.tirocinioId };
  if (kinds.includes('cartella')) return { caseId: o.full.caseId };
  return { personId: o.full.personId };
}

function filledParts(name: TemplateName): Record<string, string> {
  return Object.fromEntries(BUILTIN_TEMPLATES[name].parti.filter((p) => p.obbligatorio).map((p) => [p.nome, p.predefinito || `Testo di prova per ${p.label.toLowerCase()}.`]));
}

function imagesIn(pdfFile: string): number {
  const list = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n');
  return list.length - 2; // two header lines
}

describe('lettere in formato Word (DOCX)', () => {
  it('the convocazione is a valid .docx: content types, A4 with the margins, Titillium Web, the name with accents and the date in Italian', async () => {
    const docx = await docxOf({ template: 'convocazione', appointmentId: o.full.appointmentId, parti: { cosa_portare: 'la tessera sanitaria\nl’ultimo ISEE' } });
    expect(detectFileType(docx.bytes)).toMatchObject({ ok: true, type: { kind: 'docx' } });
    expect(docx.names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']));
    const types = docx.part('[Content_Types].xml');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    const xml = docx.part('word/document.xml');
    for (const name of docx.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expectWellFormed(docx.part(name));
    expect(xml).toContain('Nicolò D’Annunzio-Colò');
    expect(xml).toContain(formatLongItalianDate(DAY));
    expect(xml).toContain('ore 9:30');
    expect(xml).toContain('Via del Campanile 7');
    // A4 (11906 × 16838 twentieths of a point), the letter's margins (20 mm left, 15 mm right).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/>/);
    expect(xml).toMatch(/w:right="850" w:bottom="1134" w:left="1134"/);
    // The free part's new line is a line break, not a lost character.
    expect(xml).toMatch(/la tessera sanitaria<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">l’ultimo ISEE/);
    expect(docx.part('word/styles.xml')).toContain('w:ascii="Titillium Web"');
    // «pagina N di M» in the footer, as Word fields (the page count changes as the text is edited).
    expect(docx.part('word/footer1.xml')).toMatch(/pagina [\s\S]* PAGE [\s\S]* di [\s\S]* NUMPAGES /);
    expect(xml).not.toMatch(/undefined|\{\{|\{%|\[manca/);
    expect(docx.part('docProps/core.xml')).not.toMatch(/Nicol|Annunzio/);
  });

  it.each(TEMPLATE_NAMES.filter((n) => n !== 'chiusura'))('%s: every built-in template gives well-formed Word XML, never «undefined» or «{{»', async (name) => {
    const docx = await docxOf({ template: name, ...fullSubject(name), parti: filledParts(name) });
    const xml = docx.part('word/document.xml');
    expectWellFormed(xml);
    expect(xml).not.toMatch(/undefined|\{\{|\{%|\[manca|&lt;(p|div|strong|table)/);
    if (name !== 'convenzione_tirocinio') expect(xml).toContain('Nicolò D’Annunzio-Colò');
  });

  it('headings, tables and the signature come across as Word headings, tables and a line to sign on', async () => {
    const docx = await docxOf({ template: 'registro_presenze', tirocinioId: o.full.tirocinioId, parti: filledParts('registro_presenze') });
    const xml = docx.part('word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:bottom w:val="single" w:sz="4" w:space="1"/);
  });

  it('a value that looks like markup is text in the XML, escaped', async () => {
    const docx = await docxOf({ template: 'presa_in_carico', caseId: o.full.caseId, parti: { testo: 'Tra <b>noi</b> & voi: {{ x }} "ok"' } });
    const xml = docx.part('word/document.xml');
    expectWellFormed(xml);
    expect(xml).toContain('Tra &lt;b&gt;noi&lt;/b&gt; &amp; voi: {{ x }} "ok"');
  });

  it('a missing field refuses the DOCX with the list, like the PDF; the download is audited with the template version', async () => {
    const refused = await callError(o.as, 'letters.docx', { template: 'convocazione', appointmentId: o.minimal.appointmentId });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/Indirizzo del destinatario/);
    const db = await inspectDatabase(o.dataDir, ADMIN.username, ADMIN.password);
    try {
      const rows = db.prepare(`SELECT detail FROM audit_log WHERE action = 'letters.docx' AND subject_id = ?`).all(o.full.personId) as { detail: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]!.detail).toMatch(/\(DOCX\), versione [0-9a-f]{12}$/);
    } finally {
      db.close();
    }
  });
});

describe('logo nell’intestazione', () => {
  const letter = () => ({ template: 'presa_in_carico' as const, caseId: o.full.caseId });

  it('an uploaded PNG is in the letterhead of the PDF and of the DOCX; removed, neither has an image', async () => {
    const before = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', letter())).downloadId);
    expect(imagesIn(before.file)).toBe(0);

    await call(o.admin, 'letterSettings.saveLogo', { uploadId: await sendUpload(o.admin, solidPng(120, 60)) });
    expect((await call(o.as, 'letterSettings.get', {})).logo).toMatch(/^data:image\/png;base64,/);
    const html = (await call(o.as, 'letters.prepare', letter())).html;
    expect(html).toContain('<img class="logo" alt="" src="data:image/png;base64,');
    const withLogo = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', letter())).downloadId);
    expect(imagesIn(withLogo.file)).toBeGreaterThan(0);
    const docx = await docxOf(letter());
    expect(docx.names).toContain('word/media/logo.png');
    expect(docx.part('[Content_Types].xml')).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(docx.part('word/document.xml')).toContain('<a:blip r:embed="rIdLogo"/>');

    await call(o.admin, 'letterSettings.removeLogo', {});
    expect((await call(o.as, 'letterSettings.get', {})).logo).toBeNull();
    const after = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', letter())).downloadId);
    expect(imagesIn(after.file)).toBe(0);
    expect((await docxOf(letter())).names).not.toContain('word/media/logo.png');
  });

  it('a file that is not a PNG or JPEG, or larger than 300 KB, is refused in Italian and nothing is stored', async () => {
    const renamed = await callError(o.admin, 'letterSettings.saveLogo', { uploadId: await sendUpload(o.admin, Buffer.from('%PDF-1.4\n%%EOF\n')) });
    expect(renamed.code).toBe('VALIDATION');
    expect(renamed.message).toBe('Il logo deve essere un’immagine PNG o JPEG: il file scelto non lo è.');
    const big = Buffer.concat([solidPng(4, 4), Buffer.alloc(301 * 1024)]);
    const tooBig = await callError(o.admin, 'letterSettings.saveLogo', { uploadId: await sendUpload(o.admin, big) });
    expect(tooBig.message).toMatch(/troppo grande .* al massimo 300 KB/);
    const broken = await callError(o.admin, 'letterSettings.saveLogo', { uploadId: await sendUpload(o.admin, solidPng(4, 4).subarray(0, 12)) });
    expect(broken.message).toMatch(/danneggiata/);
    expect((await call(o.as, 'letterSettings.get', {})).logo).toBeNull();
    expect((await callError(o.as, 'letterSettings.saveLogo', { uploadId: await sendUpload(o.as, solidPng(4, 4)) })).code).toBe('FORBIDDEN');
  });
});
