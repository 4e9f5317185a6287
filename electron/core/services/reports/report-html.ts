import { formatItalianDate } from '../../../../shared/domain/dates';
import { formatEuroCents } from '../../../../shared/domain/money';
import { escapeHtml } from '../letters/engine';
import { fontFaceCss } from '../letters/font';
import type { BuiltReport, BuiltTable } from './report-tables';
import { RULE_TEXT } from '../../../../shared/domain/report/linked-suppression';

const count = new Intl.NumberFormat('it-IT');

/** A figure as printed: hidden ones as "< soglia", never their value. */
function figure(t: BuiltTable, i: number, j: number, soglia: number): string {
  if (t.hidden[i]![j]) return `&lt; ${soglia}`;
  const v = t.grid[i]![j]!;
  return t.unita === 'euro' ? escapeHtml(formatEuroCents(v)) : count.format(v);
}

/**
 * Horizontal bars of each group's total for the period, drawn as SVG in the page (no script, no
 * external resource). A hidden total gets no bar, only "< soglia": its length would give it away.
 */
function chartSvg(t: BuiltTable, soglia: number): string {
  const C = t.colonne.length - 1;
  const rows = t.etichette.map((label, i) => ({ label, value: t.grid[i]![C]!, hidden: t.hidden[i]![C]! }));
  const max = Math.max(1, ...rows.filter((r) => !r.hidden).map((r) => r.value));
  const barH = 11;
  const gap = 3;
  const labelW = 190;
  const plotW = 300;
  const height = rows.length * (barH + gap) + gap;
  const bars = rows
    .map((r, k) => {
      const y = gap + k * (barH + gap);
      const w = r.hidden ? 0 : Math.round((r.value / max) * plotW);
      const text = r.hidden ? `&lt; ${soglia}` : t.unita === 'euro' ? escapeHtml(formatEuroCents(r.value)) : count.format(r.value);
      return `<text x="${labelW - 6}" y="${y + barH - 2}" text-anchor="end">${escapeHtml(r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label)}</text>${w > 0 ? `<rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="#1f5c99"/>` : ''}<text x="${labelW + w + 4}" y="${y + barH - 2}" class="${r.hidden ? 'hidden' : ''}">${text}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(`Grafico: ${t.titolo}, totale del periodo per gruppo`)}" viewBox="0 0 ${labelW + plotW + 80} ${height}" width="${labelW + plotW + 80}" height="${height}">${bars}</svg>`;
}

function tableHtml(t: BuiltTable, soglia: number): string {
  const R = t.etichette.length;
  const head = `<tr><th>Gruppo</th>${t.colonne.map((c) => `<th class="n">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = t.etichette
    .map(
      (label, i) =>
        `<tr><td>${escapeHtml(label)}</td>${t.grid[i]!.map((_, j) => `<td class="n${t.hidden[i]![j] ? ' hidden' : ''}">${figure(t, i, j, soglia)}</td>`).join('')}</tr>`,
    )
    .join('');
  const foot = `<tr class="tot"><td>Totale</td>${t.grid[R]!.map((_, j) => `<td class="n${t.hidden[R]![j] ? ' hidden' : ''}">${figure(t, R, j, soglia)}</td>`).join('')}</tr>`;
  return `<section class="table"><h3>${escapeHtml(t.titolo)}</h3>${t.id === 'esiti' || t.id === 'importi' ? '' : chartSvg(t, soglia)}<table><thead>${head}</thead><tbody>${body}${foot}</tbody></table>${t.nota ? `<p class="nota">${escapeHtml(t.nota)}</p>` : ''}</section>`;
}

const CSS = `@page { size: A4; margin: 16mm 14mm 18mm; @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font-size: 8pt; } }
body { font-family: 'Titillium Web', sans-serif; font-size: 9pt; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 0 0 3mm; break-before: page; } h2.first { break-before: auto; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
.lead { margin: 0 0 4mm; }
section.table { break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: 1mm; }
th, td { border-bottom: 0.3pt solid #999; padding: 0.6mm 1.5mm; text-align: left; }
th { background: #e8eef5; } .n { text-align: right; white-space: nowrap; }
tr.tot td { font-weight: 700; border-top: 0.8pt solid #000; }
.hidden { font-style: italic; color: #555; }
.nota { font-size: 8pt; color: #333; margin: 0 0 2mm; }
svg.chart { display: block; margin: 1mm 0 2mm; font-size: 8px; font-family: 'Titillium Web', sans-serif; }
svg.chart text.hidden { font-style: italic; fill: #555; }`;

/** The quarter's report as an A4 document for the PDF service: every grouping, its charts and tables. */
export function reportHtml(report: BuiltReport, zona: string): string {
  const lead = `${escapeHtml(zona)} · dal ${escapeHtml(formatItalianDate(report.dal))} al ${escapeHtml(formatItalianDate(report.al))}. I conteggi da 1 a ${report.soglia - 1} sono nascosti («&lt; ${report.soglia}»), e con essi le celle e i totali da cui si potrebbero ricavare. ${escapeHtml(RULE_TEXT)}`;
  const sections = report.sezioni
    .map((s, k) => `<h2${k === 0 ? ' class="first"' : ''}>${escapeHtml(s.titolo)}</h2>${s.tabelle.map((t) => tableHtml(t, report.soglia)).join('')}`)
    .join('');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"><title>${escapeHtml(report.titolo)}</title><style>${fontFaceCss()}\n${CSS}</style></head><body><h1>${escapeHtml(report.titolo)}</h1><p class="lead">${lead}</p>${sections}</body></html>`;
}
