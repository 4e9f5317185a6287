import { toDayNumber } from '../../../shared/domain/dates';
import { formatCentsPlain, formatDecimal } from '../../../shared/domain/money';
import { zip } from './zip-writer';

/** How a column's values are written: text as is, euro from cents, hours/numbers, ISO dates. */
export type ColumnKind = 'text' | 'euro' | 'number' | 'date';
export type Cell = string | number | null;

export interface Sheet {
  name: string;
  columns: readonly { header: string; kind: ColumnKind; width?: number }[];
  rows: readonly (readonly Cell[])[];
}

/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written as text. */
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === '') return '';
  let text: string;
  if (kind === 'euro') text = formatCentsPlain(Number(value));
  else if (kind === 'number') text = formatDecimal(Number(value));
  else if (kind === 'date') text = String(value).split('-').reverse().join('/');
  else text = defused(String(value));
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Italian spreadsheets read it: UTF-8 with BOM, `;` between cells, comma decimals, CRLF. */
export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((c) => csvCell(c.header, 'text')).join(';')];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c, i) => csvCell(row[i] ?? null, c.kind)).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Style ids of styles.xml below: 0 plain, 1 bold header, 2 euro, 3 date, 4 decimal. */
const STYLE: Record<Exclude<ColumnKind, 'text'>, number> = { euro: 2, date: 3, number: 4 };
const EXCEL_EPOCH = toDayNumber('1899-12-30');

function xlsxCell(ref: string, value: Cell, kind: ColumnKind): string {
  if (value === null || value === '') return '';
  if (kind === 'euro') return `<c r="${ref}" s="${STYLE.euro}"><v>${Number(value) / 100}</v></c>`;
  if (kind === 'number') return `<c r="${ref}" s="${STYLE.number}"><v>${Number(value)}</v></c>`;
  if (kind === 'date') return `<c r="${ref}" s="${STYLE.date}"><v>${toDayNumber(String(value)) - EXCEL_EPOCH}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(String(value))}</t></is></c>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/><numFmt numFmtId="166" formatCode="#,##0.##"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

/** An XLSX workbook of one sheet: a bold, frozen header row, typed cells, column widths. */
export function toXlsx(sheet: Sheet): Buffer {
  const header = `<row r="1">${sheet.columns.map((c, i) => `<c r="${columnName(i)}1" t="inlineStr" s="1"><is><t>${xml(c.header)}</t></is></c>`).join('')}</row>`;
  const body = sheet.rows.map((row, r) => `<row r="${r + 2}">${sheet.columns.map((c, i) => xlsxCell(`${columnName(i)}${r + 2}`, row[i] ?? null, c.kind)).join('')}</row>`).join('');
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.max(10, c.header.length + 2)}" customWidth="1"/>`).join('');
  const worksheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${header}${body}</sheetData></worksheet>`;
  const name = xml(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': worksheet,
    'xl/styles.xml': STYLES,
  };
  return zip(Object.entries(files).map(([n, text]) => ({ name: n, data: Buffer.from(text, 'utf8') })));
}
