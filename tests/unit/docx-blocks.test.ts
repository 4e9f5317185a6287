import { describe, expect, it } from 'vitest';
import { htmlBlocks, type Para, type Table } from '../../electron/core/services/letters/docx/html-blocks';
import { blocksXml, escapeXml } from '../../electron/core/services/letters/docx/wordml';
import { imageSize } from '../../electron/core/services/letters/docx/docx-image';
import { solidPng } from '../support/png';

const texts = (p: Para) => p.runs.map((r) => `${r.br ? '⏎' : ''}${r.text}`).join('');

describe('DOCX: the letter body read into Word blocks', () => {
  it('headings, bold and italic runs, entities decoded, spaces collapsed as the PDF does', () => {
    const blocks = htmlBlocks('<h1>Relazione</h1>\n<h2>Situazione</h2>\n<p>Il  signor <strong>Nicolò</strong>\n<em>D&#39;Annunzio</em> &amp; figli</p>');
    expect(blocks.map((b) => (b.kind === 'p' ? b.heading : 'table'))).toEqual([1, 2, 0]);
    const p = blocks[2] as Para;
    expect(texts(p)).toBe("Il signor Nicolò D'Annunzio & figli");
    expect(p.runs.find((r) => r.text === 'Nicolò')).toMatchObject({ bold: true, italic: false });
    expect(p.runs.find((r) => r.text === "D'Annunzio")).toMatchObject({ bold: false, italic: true });
  });

  it('line breaks: <br> and the new lines of a free-text part', () => {
    const [a, b] = htmlBlocks('<p>uno<br>due</p><p class="testo-libero">tre\nquattro</p>') as Para[];
    expect(texts(a!)).toBe('uno⏎due');
    expect(texts(b!)).toBe('tre⏎quattro');
  });

  it('lists: numbered and bulleted, nested one level deeper', () => {
    const blocks = htmlBlocks('<ol><li>primo</li><li>secondo<ul><li>dettaglio</li></ul></li></ol>') as Para[];
    expect(blocks.map((p) => [p.list?.marker, p.list?.level, texts(p)])).toEqual([
      ['1.', 1, 'primo'],
      ['2.', 1, 'secondo'],
      ['•', 2, 'dettaglio'],
    ]);
  });

  it('a table keeps its header row, its shaded rows and its cells; a signature is a borderless table with a line to sign on', () => {
    const [table, firma] = htmlBlocks(
      '<table><thead><tr><th>Giorno</th><th>Ore</th></tr></thead><tbody><tr class="festivo"><td>dom 1</td><td></td></tr></tbody></table><div class="firma"><div></div><div>Assistente sociale<div class="linea"></div>Chiara Sensini</div></div>',
    ) as Table[];
    expect(table!.borders).toBe(true);
    expect(table!.rows.map((r) => [r.shaded, r.cells.map((c) => c.header)])).toEqual([
      [false, [true, true]],
      [true, [false, false]],
    ]);
    expect(firma!.borders).toBe(false);
    const signer = firma!.rows[0]!.cells[1]!.blocks as Para[];
    expect(signer.map((p) => (p.rule ? '___' : texts(p)))).toEqual(['Assistente sociale', '___', 'Chiara Sensini']);
    const xml = blocksXml([table!, firma!], 175);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:fill="F2F2F2"');
    expect(xml).toContain('<w:top w:val="nil"');
  });

  it('XML text is escaped and control characters dropped (Word refuses them)', () => {
    expect(escapeXml('a < b & c > d\u0001\u000b e\tf')).toBe('a &lt; b &amp; c &gt; d e\tf');
  });

  it('a logo’s picture size from its PNG header', () => {
    expect(imageSize(solidPng(120, 45))).toEqual({ width: 120, height: 45 });
    expect(imageSize(Buffer.from('niente'))).toBeNull();
  });
});
