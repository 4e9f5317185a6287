import { toCsv, type ColumnKind, type Sheet } from '../../files/spreadsheet';
import { zip } from '../../files/zip-writer';
import type { ExportSection } from './export-data';

/** What a reader of the ZIP finds first: what each file is, in Italian. */
function readme(subject: { nominativo: string }, data: string, sections: ExportSection[]): string {
  return [
    'Accesso ai dati personali (art. 15 GDPR) - formato elettronico',
    `Interessato: ${subject.nominativo}`,
    `Estratto il: ${data}`,
    '',
    'dati.json: tutte le sezioni in un unico file (chiavi = nomi delle colonne).',
    'Un file CSV per sezione (UTF-8 con BOM, separatore ";", decimali con la virgola):',
    ...sections.map((s) => `- ${s.key}.csv: ${s.titolo} (${s.rows.length} righe)${s.nota ? `. ${s.nota}` : ''}`),
    '',
  ].join('\r\n');
}

function sheet(section: ExportSection): Sheet {
  const keys = [...new Set(section.rows.flatMap((r) => Object.keys(r)))];
  const kind = (k: string): ColumnKind => (k.endsWith('_cents') ? 'euro' : 'text');
  return {
    name: section.titolo.slice(0, 31),
    // The same keys as dati.json: a program reading both finds the same names.
    columns: keys.map((k) => ({ header: k, kind: kind(k) })),
    rows: section.rows.map((r) => keys.map((k) => r[k] ?? null)),
  };
}

/** The machine-readable copy (art. 15 par. 3, art. 20's spirit): a ZIP of one JSON and one CSV per section. */
export function exportBundle(subject: { nominativo: string }, data: string, sections: ExportSection[]): Buffer {
  const json = {
    titolo: 'Accesso ai dati personali (art. 15 GDPR)',
    estrattoIl: data,
    sezioni: Object.fromEntries(sections.map((s) => [s.key, { titolo: s.titolo, nota: s.nota, righe: s.rows }])),
  };
  return zip([
    { name: 'LEGGIMI.txt', data: Buffer.from(`\ufeff${readme(subject, data, sections)}`, 'utf8') },
    { name: 'dati.json', data: Buffer.from(JSON.stringify(json, null, 2), 'utf8') },
    ...sections.map((s) => ({ name: `${s.key}.csv`, data: toCsv(sheet(s)) })),
  ]);
}
