import { WINDOW_PRESETS, type WindowPreset } from '../../../../shared/domain/letters';
import { escapeHtml } from './engine';
import { fontFaceCss } from './font';

/**
 * Page margins in millimetres: the window presets are measured from the sheet's edge, so the
 * layout subtracts these. Left and right are the letter's padding, not the page's, so the fold
 * marks can sit near the sheet's edge (Chromium clips what falls in the page margins).
 */
export const MARGIN = { top: 15, right: 15, bottom: 20, left: 20 } as const;

/** The text column's width: anything wider would make Chromium shrink the whole page to fit. */
const CONTENT_WIDTH = 210 - MARGIN.left - MARGIN.right;

export interface Letterhead {
  intestazione: string;
  sottotitolo: string;
  indirizzo: string;
  contatti: string;
}

export interface RecipientBlock {
  nome: string;
  righe: string[];
}

/** One letter of a document: its body (already rendered and escaped) and what frames it. */
export interface LetterPage {
  body: string;
  /** The window address; null for forms handed at the desk (informativa, registro, …). */
  destinatario: RecipientBlock | null;
  /** «Narni, martedì 3 marzo 2026». */
  luogoData: string;
  /** «Prot. n. 0012345 del 03/03/2026», or the space to write them. */
  protocollo: string;
  /** The reprint's line, or null for the first print. */
  ristampa: string | null;
}

export interface DocumentLayout {
  /** The template's title (PDF metadata): never a person's name. */
  titolo: string;
  letterhead: Letterhead;
  /** The zone's logo as a `data:image/png|jpeg;base64,` URL (nothing is fetched), or null. */
  logo: string | null;
  finestra: WindowPreset;
  letters: LetterPage[];
}

/** The height of the letterhead band: the window's top edge, less the top margin. */
function headerHeight(finestra: WindowPreset): number {
  return WINDOW_PRESETS[finestra].top - MARGIN.top;
}

function css(finestra: WindowPreset, ristampa: boolean): string {
  const w = WINDOW_PRESETS[finestra];
  const leftInRow = w.left - MARGIN.left;
  const width = Math.min(w.width, CONTENT_WIDTH - leftInRow);
  const infoSide = w.left > 105 ? 'left:0' : 'right:0';
  return `${fontFaceCss()}
@page{size:A4;margin:${MARGIN.top}mm 0 ${MARGIN.bottom}mm 0;
  @bottom-center{content:"pagina " counter(page) " di " counter(pages);font-family:'Titillium Web',sans-serif;font-size:8pt;color:#444}
  ${ristampa ? '@top-right{content:"RISTAMPA";font-family:\'Titillium Web\',sans-serif;font-weight:700;font-size:10pt;letter-spacing:2pt}' : ''}}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:'Titillium Web',sans-serif;font-size:10.5pt;line-height:1.4;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.lettera{position:relative;break-after:page;padding:0 ${MARGIN.right}mm 0 ${MARGIN.left}mm}
.lettera:last-child{break-after:auto}
.intestazione{height:${headerHeight(finestra)}mm;overflow:hidden;border-bottom:0.4pt solid #0066cc;padding-bottom:2mm}
.intestazione .logo{float:left;max-height:18mm;max-width:70mm;margin:0 4mm 1mm 0}
.intestazione .ente{font-size:13pt;font-weight:700;color:#0066cc;line-height:1.2}
.intestazione .sotto{font-size:7.5pt;line-height:1.25;margin-top:1mm}
.intestazione .recapiti{font-size:7.5pt;margin-top:1mm;color:#333}
.finestra-riga{position:relative;height:${w.height}mm;margin-bottom:6mm}
.finestra{position:absolute;top:0;left:${leftInRow}mm;width:${width}mm;height:${w.height}mm;padding:5mm 5mm 3mm 5mm;overflow:hidden;font-size:10.5pt;line-height:1.3}
.finestra .nome{font-weight:600}
.riferimenti{position:absolute;top:3mm;${infoSide};width:${CONTENT_WIDTH - width - 8}mm;font-size:9.5pt}
.senza-finestra{margin:5mm 0 6mm 0;font-size:9.5pt;display:flex;justify-content:space-between}
.ristampa{font-weight:700;border:0.6pt solid #000;padding:1mm 2mm;margin-bottom:3mm;display:inline-block}
.piega{position:absolute;left:4mm;width:7mm;border-top:0.5pt solid #555}
h1{font-size:13pt;margin:0 0 4mm 0;line-height:1.25}
h2{font-size:11pt;margin:5mm 0 2mm 0;break-after:avoid}
p{margin:0 0 2.5mm 0;orphans:3;widows:3}
.oggetto{font-weight:700;margin-bottom:4mm}
.testo-libero{white-space:pre-line}
.firma{break-inside:avoid;page-break-inside:avoid;margin-top:10mm;display:flex;justify-content:space-between;gap:10mm}
.firma>div{min-width:60mm;text-align:center}
.firma .linea{border-bottom:0.5pt solid #000;height:12mm;margin-bottom:1mm}
.campo{display:inline-block;min-width:40mm;border-bottom:0.5pt solid #000}
.manca{background:#ffe08a;outline:0.6pt solid #b07d00;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:9pt;margin:2mm 0 4mm 0}
th,td{border:0.4pt solid #555;padding:1mm 1.5mm;text-align:left;vertical-align:top}
th{background:#eef3fa}
tr{break-inside:avoid}
.festivo td{background:#f2f2f2}
.riquadro{border:0.5pt solid #000;padding:3mm;margin:3mm 0;break-inside:avoid}
.piccolo{font-size:8.5pt}
`;
}

function letterheadHtml(h: Letterhead, logo: string | null): string {
  const recapiti = [h.indirizzo, h.contatti]
    .filter((s) => s.trim() !== '')
    .map(escapeHtml)
    .join(' · ');
  const img = logo ? `<img class="logo" alt="" src="${escapeHtml(logo)}">` : '';
  return `<header class="intestazione">${img}<div class="ente">${escapeHtml(h.intestazione)}</div>${h.sottotitolo ? `<div class="sotto">${escapeHtml(h.sottotitolo)}</div>` : ''}${recapiti ? `<div class="recapiti">${recapiti}</div>` : ''}</header>`;
}

/** Fold marks for a DIN long envelope (105 mm and 210 mm), in the left margin of the first page of each letter. */
function foldMarks(): string {
  return [105, 210].map((mm) => `<div class="piega" style="top:${mm - MARGIN.top}mm"></div>`).join('');
}

function letterHtml(head: string, page: LetterPage): string {
  const ristampa = page.ristampa ? `<div class="ristampa">${escapeHtml(page.ristampa)}</div>` : '';
  const riferimenti = `${ristampa}<div>${escapeHtml(page.protocollo)}</div><div>${escapeHtml(page.luogoData)}</div>`;
  const top = page.destinatario
    ? `<div class="finestra-riga"><div class="riferimenti">${riferimenti}</div><div class="finestra" data-finestra="1"><div class="nome">${escapeHtml(page.destinatario.nome)}</div>${page.destinatario.righe.map((r) => `<div>${escapeHtml(r)}</div>`).join('')}</div></div>`
    : `<div class="senza-finestra"><div>${ristampa}${escapeHtml(page.protocollo)}</div><div>${escapeHtml(page.luogoData)}</div></div>`;
  return `<section class="lettera">${page.destinatario ? foldMarks() : ''}${head}${top}<main>${page.body}</main></section>`;
}

/** The whole HTML document Chromium prints: A4, margins, page numbers, the bundled font; no script, nothing fetched. */
export function documentHtml(layout: DocumentLayout): string {
  const head = letterheadHtml(layout.letterhead, layout.logo);
  const ristampa = layout.letters.some((l) => l.ristampa !== null);
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"><title>${escapeHtml(layout.titolo)}</title><style>${css(layout.finestra, ristampa)}</style></head><body>${layout.letters.map((l) => letterHtml(head, l)).join('')}</body></html>`;
}
