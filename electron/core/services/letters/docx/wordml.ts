import type { Block, Para, Run, Table } from './html-blocks';

/** XML 1.0 refuses control characters other than tab and new lines: a pasted one would make Word refuse the file. */
function xmlChar(c: string): boolean {
  const code = c.codePointAt(0) as number;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/**
 * Text for an XML element (never an attribute: none takes a value from the letter): `&`, `<`, `>`
 * escaped, quotes kept as typed (D'Annunzio stays readable), no control characters.
 */
export function escapeXml(text: string): string {
  return [...text]
    .filter(xmlChar)
    .join('')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

/** Millimetres to twentieths of a point (Word's unit for page and indents). */
export function twips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const BLUE = '0066CC';

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Half-points (21 = 10.5 pt). */
  size?: number;
  color?: string;
  highlight?: boolean;
}

/** Word checks the order of run properties against the schema (b, i, color, sz, u): keep it. */
export function runXml(text: string, style: RunStyle = {}, br = false): string {
  const props = [
    style.bold ? '<w:b/>' : '',
    style.italic ? '<w:i/>' : '',
    style.color ? `<w:color w:val="${style.color}"/>` : '',
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '',
    style.underline ? '<w:u w:val="single"/>' : '',
  ].join('');
  const t = text === '' ? '' : `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${br ? '<w:br/>' : ''}${t}</w:r>`;
}

export interface ParaStyle {
  style?: 'Heading1' | 'Heading2';
  center?: boolean;
  right?: boolean;
  /** Left indent in mm. */
  indent?: number;
  hanging?: number;
  box?: boolean;
  bottomRule?: boolean;
  /** Space after in points. */
  after?: number;
  before?: number;
  keepNext?: boolean;
}

export function paraXml(runs: string, style: ParaStyle = {}): string {
  const borders = [
    style.box
      ? '<w:top w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="4" w:color="000000"/>'
      : '',
    style.bottomRule ? '<w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/>' : '',
  ].join('');
  const props = [
    style.style ? `<w:pStyle w:val="${style.style}"/>` : '',
    style.keepNext ? '<w:keepNext/>' : '',
    borders ? `<w:pBdr>${borders}</w:pBdr>` : '',
    style.before !== undefined || style.after !== undefined
      ? `<w:spacing${style.before !== undefined ? ` w:before="${style.before * 20}"` : ''}${style.after !== undefined ? ` w:after="${style.after * 20}"` : ''}/>`
      : '',
    style.indent !== undefined ? `<w:ind w:left="${twips(style.indent)}"${style.hanging ? ` w:hanging="${twips(style.hanging)}"` : ''}/>` : '',
    style.center ? '<w:jc w:val="center"/>' : style.right ? '<w:jc w:val="right"/>' : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

function bodyRun(r: Run, header: boolean): string {
  return runXml(r.text, { bold: r.bold || header, italic: r.italic, underline: r.underline, size: r.small ? 17 : undefined }, r.br);
}

function paragraph(p: Para, header = false): string {
  let runs = p.runs.map((r) => bodyRun(r, header)).join('');
  if (p.list) runs = `${runXml(p.list.marker)}<w:r><w:tab/></w:r>${runs}`;
  if (p.rule) return paraXml('', { center: true, bottomRule: true, before: 28, after: 2 });
  return paraXml(runs, {
    style: p.heading === 1 ? 'Heading1' : p.heading === 2 ? 'Heading2' : undefined,
    center: p.center,
    box: p.box,
    ...(p.list ? { indent: 6 * p.list.level, hanging: 6 } : {}),
  });
}

/** A table's cells share the text width evenly; a signature's two columns take half each. */
function table(t: Table, width: number): string {
  const columns = Math.max(1, ...t.rows.map((r) => r.cells.length));
  const col = Math.floor(twips(width) / columns);
  const border = t.borders ? 'single' : 'nil';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="${border}" w:sz="4" w:space="0" w:color="555555"/>`).join('');
  const rows = t.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const shade = cell.header ? 'EEF3FA' : row.shaded ? 'F2F2F2' : '';
          const inner = cell.blocks.map((b) => (b.kind === 'p' ? paragraph(b, cell.header) : table(b, width / columns))).join('') || paraXml('');
          return `<w:tc><w:tcPr><w:tcW w:w="${col}" w:type="dxa"/>${shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${shade}"/>` : ''}</w:tcPr>${inner}</w:tc>`;
        })
        .join('');
      const header = row.cells.length > 0 && row.cells.every((c) => c.header) ? '<w:tblHeader/>' : '';
      return `<w:tr><w:trPr><w:cantSplit/>${header}</w:trPr>${cells}</w:tr>`;
    })
    .join('');
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${col}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${col * columns}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>${paraXml('', { after: 0 })}`;
}

/** The body's blocks as WordprocessingML, `width` the text column in millimetres. */
export function blocksXml(blocks: readonly Block[], width: number): string {
  return blocks.map((b) => (b.kind === 'p' ? paragraph(b) : table(b, width))).join('');
}
