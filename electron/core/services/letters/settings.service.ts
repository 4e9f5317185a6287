import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { WINDOW_PRESETS, WINDOW_PRESET_CODES, WINDOW_RULE, type WindowPreset } from '../../../../shared/domain/letters';
import { today, type WorkContext } from '../work-context';
import { detectFileType } from '../../files/file-type';
import { windowPreset } from './compose';
import { imageSize } from './docx/docx-image';
import { escapeHtml } from './engine';
import { fontFaceCss } from './font';
import type { LetterDeps } from './letters.service';

/** Impostazioni → Documenti: the envelope window preset, and a page to check it against real envelopes. */
export class LetterSettingsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly deps: LetterDeps,
  ) {}

  get(): OutputOf<'letterSettings.get'> {
    return {
      finestra: windowPreset(this.ctx.store),
      logo: this.ctx.store.documents.logo(),
      presets: WINDOW_PRESET_CODES.map((id) => ({ id, ...WINDOW_PRESETS[id] })),
    };
  }

  save({ finestra }: ParsedInputOf<'letterSettings.save'>): OutputOf<'letterSettings.save'> {
    const { store } = this.ctx;
    const zoneId = store.zone.zoneId();
    if (!zoneId) throw new AppError('NOT_SET_UP');
    store.writer.update(
      this.ctx.actor,
      'zone',
      zoneId,
      { finestra_busta: finestra },
      { log: 'admin', action: 'letterSettings.save', subjectType: 'zona', detail: `Busta: ${WINDOW_PRESETS[finestra].label}` },
    );
    return { ok: true };
  }

  /** The letterhead's logo: PNG or JPEG by its content, at most 300 KB; stored as a data URL in the zone. */
  saveLogo(bytes: Buffer): OutputOf<'letterSettings.saveLogo'> {
    try {
      const dataUrl = logoDataUrl(bytes);
      this.setLogo(dataUrl, `Logo dell’intestazione caricato (${Math.ceil(bytes.length / 1024)} KB)`);
    } finally {
      bytes.fill(0);
    }
    return { ok: true };
  }

  removeLogo(): OutputOf<'letterSettings.removeLogo'> {
    this.setLogo(null, 'Logo dell’intestazione tolto');
    return { ok: true };
  }

  private setLogo(logo: string | null, detail: string): void {
    const { store } = this.ctx;
    const zoneId = store.zone.zoneId();
    if (!zoneId) throw new AppError('NOT_SET_UP');
    store.writer.update(
      this.ctx.actor,
      'zone',
      zoneId,
      { logo },
      { log: 'admin', action: logo ? 'letterSettings.saveLogo' : 'letterSettings.removeLogo', subjectType: 'zona', detail },
    );
  }

  async calibration({ finestra }: ParsedInputOf<'letterSettings.calibrationPdf'>): Promise<OutputOf<'letterSettings.calibrationPdf'>> {
    const preset = finestra ?? windowPreset(this.ctx.store);
    const bytes = await this.deps.pdf.render(calibrationHtml(preset));
    return { nomeFile: `calibrazione-busta-${today(this.ctx)}.pdf`, dimensione: bytes.length, downloadId: this.deps.startDownload(bytes) };
  }
}

export const LOGO_MAX_BYTES = 300 * 1024;

/** A logo's bytes as a data URL, or a refusal in Italian: by content (magic bytes), size and a readable picture size. */
export function logoDataUrl(bytes: Buffer): string {
  if (bytes.length > LOGO_MAX_BYTES)
    throw new AppError('VALIDATION', `Il logo è troppo grande (${Math.ceil(bytes.length / 1024)} KB): al massimo 300 KB. Riducilo e riprova.`, 'logo');
  const detected = detectFileType(bytes);
  if (!detected.ok || (detected.type.kind !== 'png' && detected.type.kind !== 'jpeg')) {
    throw new AppError('VALIDATION', 'Il logo deve essere un’immagine PNG o JPEG: il file scelto non lo è.', 'logo');
  }
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw new AppError('VALIDATION', 'L’immagine del logo è danneggiata: non se ne leggono le dimensioni.', 'logo');
  return `data:${detected.type.mime};base64,${bytes.toString('base64')}`;
}

/** The window's outline, the 40 mm / 15 mm rule, fold marks and a millimetre ruler, on a bare A4 page. */
export function calibrationHtml(preset: WindowPreset): string {
  const w = WINDOW_PRESETS[preset];
  const ticks = Array.from({ length: 21 }, (_, i) => i * 10)
    .map((mm) => `<div class="tx" style="left:${mm}mm"></div><div class="tl" style="left:${mm}mm">${mm}</div>`)
    .join('');
  const vticks = Array.from({ length: 29 }, (_, i) => i * 10)
    .map((mm) => `<div class="ty" style="top:${mm}mm"></div><div class="tyl" style="top:${mm}mm">${mm}</div>`)
    .join('');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"><title>Calibrazione della busta</title><style>${fontFaceCss()}
@page{size:A4;margin:0}html,body{margin:0}body{font-family:'Titillium Web',sans-serif;font-size:9pt;position:relative;width:210mm;height:296mm}
div{position:absolute}.tx{top:0;height:4mm;border-left:0.4pt solid #000}.tl{top:4.5mm;font-size:6pt;transform:translateX(-50%)}
.ty{left:0;width:4mm;border-top:0.4pt solid #000}.tyl{left:5mm;font-size:6pt;transform:translateY(-50%)}
.finestra{border:0.8pt dashed #0066cc;top:${w.top}mm;left:${w.left}mm;width:${w.width}mm;height:${w.height}mm;padding:4mm;box-sizing:border-box}
.regola{border:0.4pt dotted #b00;top:${WINDOW_RULE.minTop}mm;left:${WINDOW_RULE.minSide}mm;right:${WINDOW_RULE.minSide}mm;height:0}
.piega{left:4mm;width:7mm;border-top:0.6pt solid #000}.testo{top:120mm;left:25mm;right:25mm;font-size:10pt;line-height:1.45}</style></head><body>
${ticks}${vticks}<div class="regola"></div><div class="piega" style="top:105mm"></div><div class="piega" style="top:210mm"></div>
<div class="finestra"><strong>Finestra della busta</strong><br>${escapeHtml(w.label)}<br>${w.left} mm da sinistra, ${w.top} mm dall’alto, ${w.width} × ${w.height} mm</div>
<div class="testo"><p><strong>Pagina di calibrazione delle buste.</strong> Stampa questa pagina alla dimensione reale (100%, senza «adatta alla pagina»), piegala sui segni a sinistra e inseriscila nella busta: il riquadro tratteggiato deve comparire per intero nella finestra.</p>
<p>La linea punteggiata rossa segna la regola delle buste a finestra: l’indirizzo almeno ${WINDOW_RULE.minTop} mm dal bordo alto e ${WINDOW_RULE.minSide} mm dai lati. Se il riquadro non coincide con la finestra, scegli l’altro tipo di busta in Impostazioni → Documenti.</p></div>
</body></html>`;
}
