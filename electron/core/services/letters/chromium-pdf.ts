import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from './pdf-renderer';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

/** The Chromium to use: UDC_CHROMIUM, else the usual system paths. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.UDC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'Per creare i PDF delle lettere serve Chromium, che su questo computer non si trova. Installalo (ad esempio «apt install chromium») oppure indica dove si trova con la variabile UDC_CHROMIUM.';

/**
 * The system Chromium, started on first use and kept warm: one browser, one context without
 * JavaScript or network, a fresh page per document. Playwright's private temporary profile is removed on close.
 */
export class ChromiumPdf implements PdfRenderer {
  private starting: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

  constructor(private readonly executable: string | null = chromiumPath()) {}

  private start(): Promise<{ browser: Browser; context: BrowserContext }> {
    this.starting ??= (async () => {
      if (!this.executable) throw new AppError('INTERNAL', NO_CHROMIUM_MESSAGE);
      const { chromium } = await import('playwright-core');
      // Playwright gives the browser a private temporary profile and removes it on close.
      const browser = await chromium.launch({ executablePath: this.executable, headless: true, args: ARGS });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      // Nothing leaves the machine: fonts and images are data URLs, anything else is refused.
      await context.route(/^(?!data:|about:)/, (route) => route.abort());
      return { browser, context };
    })().catch((error: unknown) => {
      this.starting = null;
      if (error instanceof AppError) throw error;
      console.error('[core] Chromium non si avvia:', error);
      throw new AppError('INTERNAL', `Chromium non si avvia per creare il PDF (${this.executable ?? 'non trovato'}). ${NO_CHROMIUM_MESSAGE}`);
    });
    return this.starting;
  }

  /** One page, reused: documents print one after the other (a batch is one document). */
  private queue: Promise<unknown> = Promise.resolve();
  private page: Page | null = null;

  render(html: string): Promise<Buffer> {
    const run = this.queue.then(() => this.print(html));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async print(html: string): Promise<Buffer> {
    const { context } = await this.start();
    if (!this.page || this.page.isClosed()) this.page = await context.newPage();
    const page = this.page;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    } finally {
      // The page keeps no personal data between documents.
      await page.setContent('<!doctype html><title></title>').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    this.page = null;
    if (!starting) return;
    const started = await starting.catch(() => null);
    if (!started) return;
    await started.browser.close().catch(() => undefined);
  }
}
