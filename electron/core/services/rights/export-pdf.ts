import { formatCentsPlain } from '../../../../shared/domain/money';
import type { PlainRow } from '../../db/repositories/rights.repo';
import { windowPreset } from '../letters/compose';
import { escapeHtml } from '../letters/engine';
import { documentHtml } from '../letters/layout';
import type { Store } from '../../store';
import type { ExportSection } from './export-data';

/** The PDF's title (its metadata too): never the person's name. */
export const EXPORT_TITLE = 'Accesso ai dati personali (art. 15 GDPR)';

/** A table wider than this is printed as one card per row (label, value), so A4 holds it. */
const MAX_TABLE_COLUMNS = 6;

/** Ids are for the machine-readable bundle; on paper they are noise. */
const isIdColumn = (k: string) => k === 'id' || k.endsWith('_id');

/** Flags stored as 0/1: «Sì» / «No» on paper. */
const FLAGS = new Set(['legge_104', 'convivente', 'attivo', 'archiviata', 'riservato', 'l68', 'l104', 'cpi_iscritto']);

const LABELS: Record<string, string> = { created_at: 'Registrato il', luogo_nascita: 'Luogo di nascita (codice)', residenza_comune_istat: 'Comune di residenza (ISTAT)' };

/** `data_nascita` → «Data nascita», `importo_cents` → «Importo (€)». */
export function columnLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const base = key.replace(/_cents$/, '').replace(/_/g, ' ');
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}${key.endsWith('_cents') ? ' (€)' : ''}`;
}

function cellText(key: string, value: string | number | null): string {
  if (value === null || value === '') return '—';
  if (FLAGS.has(key)) return value === 1 ? 'Sì' : 'No';
  if (key.endsWith('_cents') && typeof value === 'number') return formatCentsPlain(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return `${value.slice(0, 10).split('-').reverse().join('/')} ${value.slice(11, 16)}`;
  return String(value);
}

function columnsOf(rows: PlainRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!isIdColumn(k)) keys.add(k);
  return [...keys];
}

function sectionHtml(section: ExportSection): string {
  const head = `<h2>${escapeHtml(section.titolo)} <span class="piccolo">(${section.rows.length})</span></h2>${section.nota ? `<p class="piccolo">${escapeHtml(section.nota)}</p>` : ''}`;
  if (section.rows.length === 0) return `${head}<p class="piccolo">Nessun dato registrato.</p>`;
  const columns = section.pdfColumns ? [...section.pdfColumns] : columnsOf(section.rows);
  if (columns.length <= MAX_TABLE_COLUMNS) {
    const th = columns.map((c) => `<th>${escapeHtml(columnLabel(c))}</th>`).join('');
    const trs = section.rows.map((r) => `<tr>${columns.map((c) => `<td class="testo-libero">${escapeHtml(cellText(c, r[c] ?? null))}</td>`).join('')}</tr>`).join('');
    return `${head}<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
  }
  const cards = section.rows
    .map((r) => {
      const trs = columns
        .filter((c) => r[c] !== null && r[c] !== '')
        .map((c) => `<tr><th style="width:45mm">${escapeHtml(columnLabel(c))}</th><td class="testo-libero">${escapeHtml(cellText(c, r[c] ?? null))}</td></tr>`)
        .join('');
      return `<table>${trs}</table>`;
    })
    .join('');
  return `${head}${cards}`;
}

/**
 * The PDF handed to the person: the zone's letterhead, who they are, when it was made and by
 * whom, then every section; A4 with page numbers (the letters' layout and PDF service).
 */
export function exportHtml(
  store: Store,
  subject: { nominativo: string; codiceFiscale: string },
  made: { data: string; luogoData: string; operatore: string },
  sections: ExportSection[],
): string {
  const body = [
    `<h1>${escapeHtml(EXPORT_TITLE)}</h1>`,
    `<div class="riquadro"><div><strong>Interessato:</strong> ${escapeHtml(subject.nominativo)}</div><div><strong>Codice fiscale:</strong> ${escapeHtml(subject.codiceFiscale || '—')}</div><div><strong>Estratto il:</strong> ${escapeHtml(made.data)} da ${escapeHtml(made.operatore)}</div></div>`,
    '<p>Questo documento riporta i dati personali che l’Ufficio della Cittadinanza conserva sull’interessato e l’elenco di chi li ha consultati o trattati, con data, profilo e azione. Gli stessi dati sono consegnati anche in formato elettronico (file ZIP con JSON e CSV).</p>',
    ...sections.map(sectionHtml),
  ].join('');
  return documentHtml({
    titolo: EXPORT_TITLE,
    letterhead: store.zone.get().letterhead,
    logo: store.documents.logo(),
    finestra: windowPreset(store),
    letters: [{ body, destinatario: null, luogoData: made.luogoData, protocollo: '', ristampa: null }],
  });
}
