import { WINDOW_PRESETS } from '../../../../../shared/domain/letters';
import { zip } from '../../../files/zip-writer';
import { MARGIN, type DocumentLayout, type LetterPage, type Letterhead } from '../layout';
import { htmlBlocks } from './html-blocks';
import { BLUE, blocksXml, paraXml, runXml, twips } from './wordml';
import { imagePart, logoXml, type DocxImage } from './docx-image';

const FONT = 'Titillium Web';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_WIDTH = 210 - MARGIN.left - MARGIN.right;

function letterheadXml(h: Letterhead, logo: DocxImage | null): string {
  const recapiti = [h.indirizzo, h.contatti].filter((s) => s.trim() !== '').join(' · ');
  return [
    logo ? paraXml(logoXml(logo), { after: 2 }) : '',
    paraXml(runXml(h.intestazione, { bold: true, size: 26, color: BLUE }), { after: 1 }),
    h.sottotitolo ? paraXml(runXml(h.sottotitolo, { size: 15 }), { after: 1 }) : '',
    paraXml(recapiti ? runXml(recapiti, { size: 15, color: '333333' }) : '', { bottomRule: true, after: 10 }),
  ].join('');
}

/** Protocol, place and date, the reprint's line; then the recipient where the envelope's window is. */
function frameXml(page: LetterPage, finestra: DocumentLayout['finestra']): string {
  const refs = [
    page.ristampa ? paraXml(runXml(page.ristampa, { bold: true }), { box: true, after: 4 }) : '',
    paraXml(runXml(page.protocollo, { size: 19 }), { after: 0 }),
    paraXml(runXml(page.luogoData, { size: 19 }), { after: 8 }),
  ].join('');
  if (!page.destinatario) return refs;
  const indent = Math.max(0, WINDOW_PRESETS[finestra].left - MARGIN.left + 5);
  const lines = [runXml(page.destinatario.nome, { bold: true }), ...page.destinatario.righe.map((r) => runXml(r, {}, true))].join('');
  return `${refs}${paraXml(lines, { indent, after: 16 })}`;
}

function documentXml(layout: DocumentLayout, logo: DocxImage | null): string {
  const head = letterheadXml(layout.letterhead, logo);
  const letters = layout.letters.map((page, i) => {
    const pageBreak = i > 0 ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : '';
    return `${pageBreak}${head}${frameXml(page, layout.finestra)}${blocksXml(htmlBlocks(page.body), CONTENT_WIDTH)}`;
  });
  const section = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="${twips(210)}" w:h="${twips(297)}"/><w:pgMar w:top="${twips(MARGIN.top)}" w:right="${twips(MARGIN.right)}" w:bottom="${twips(MARGIN.bottom)}" w:left="${twips(MARGIN.left)}" w:header="${twips(8)}" w:footer="${twips(8)}" w:gutter="0"/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${letters.join('')}${section}</w:body></w:document>`;
}

/** «pagina 2 di 3» as fields, like the PDF's page numbers: Word counts the pages after editing. */
function footerXml(): string {
  const field = (code: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const small = '<w:rPr><w:color w:val="444444"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>';
  const inSmall = (xml: string) => xml.replace(/<w:r>/g, `<w:r>${small}`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>${inSmall(`${runXml('pagina ')}${field('PAGE')}${runXml(' di ')}${field('NUMPAGES')}`)}</w:p></w:ftr>`;
}

function stylesXml(): string {
  const fonts = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${fonts}<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="it-IT"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="142" w:line="312" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="227"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="283" w:after="113"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
</w:styles>`;
}

function contentTypes(logo: DocxImage | null): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${logo ? `<Default Extension="${logo.ext}" ContentType="${logo.mime}"/>` : ''}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

function documentRels(logo: DocxImage | null): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>${logo ? `<Relationship Id="${logo.relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.${logo.ext}"/>` : ''}</Relationships>`;
}

/** The title only (never a person's name), like the PDF's metadata. */
function coreXml(titolo: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${titolo.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)}</dc:title><dc:language>it-IT</dc:language></cp:coreProperties>`;
}

/**
 * The same letters as the PDF, as a Word document to edit: letterhead (and logo), protocol,
 * place and date, the recipient, the body's paragraphs, headings, lists, tables and signatures.
 */
export function documentDocx(layout: DocumentLayout): Buffer {
  const logo = layout.logo ? imagePart(layout.logo) : null;
  const entries: { name: string; data: Buffer }[] = [
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(logo)) },
    { name: '_rels/.rels', data: Buffer.from(PACKAGE_RELS) },
    { name: 'docProps/core.xml', data: Buffer.from(coreXml(layout.titolo)) },
    { name: 'word/document.xml', data: Buffer.from(documentXml(layout, logo)) },
    { name: 'word/styles.xml', data: Buffer.from(stylesXml()) },
    { name: 'word/footer1.xml', data: Buffer.from(footerXml()) },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(documentRels(logo)) },
  ];
  if (logo) entries.push({ name: `word/media/logo.${logo.ext}`, data: logo.bytes });
  return zip(entries);
}
