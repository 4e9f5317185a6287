import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfActiveContent } from '../../electron/core/files/pdf-active';

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');

describe('PDF with code or automatic actions', () => {
  it('finds /OpenAction with /JavaScript in plain objects', () => {
    const file = pdf('1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj');
    expect(pdfActiveContent(file)).toEqual(['JavaScript', 'JS', 'OpenAction']);
  });

  it('finds /AA and /Launch', () => {
    expect(pdfActiveContent(pdf('3 0 obj<</Type/Annot/AA<</O<</S/Launch/F(calc.exe)>>>>>>endobj'))).toEqual(['AA', 'Launch']);
  });

  it('decodes #xx escapes in names (/J#61vaScript is /JavaScript)', () => {
    expect(pdfActiveContent(pdf('1 0 obj<</S/J#61vaScript/J#53 (x)>>endobj'))).toEqual(['JavaScript', 'JS']);
  });

  it('looks inside a compressed object stream', () => {
    const hidden = deflateSync(Buffer.from('<</Type/Catalog/OpenAction<</S/JavaScript/JS(this.print())>>>>'));
    const file = Buffer.concat([
      Buffer.from('%PDF-1.7\n5 0 obj<</Type/ObjStm/Filter/FlateDecode/Length ' + hidden.length + '>>stream\n', 'latin1'),
      hidden,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    expect(file.toString('latin1')).not.toContain('/OpenAction');
    expect(pdfActiveContent(file)).toEqual(['JavaScript', 'JS', 'OpenAction']);
  });

  it('a plain PDF, and look-alike names (/JSON, /AAA, /Launcher), are not flagged', () => {
    expect(pdfActiveContent(pdf('1 0 obj<</Type/Catalog/Pages 2 0 R/JSON 1/AAA 2/Launcher 3>>endobj'))).toEqual([]);
  });
});
