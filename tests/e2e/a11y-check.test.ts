import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newItalianPage } from './support/browser';
import { seriousA11yViolations } from './support/axe';

// The check every screen goes through injects axe-core once per document and runs it in the
// page: here it must still find what it is for, on the first check and on the ones after it.
const FAULTY = `<!doctype html><html lang="it"><head><title>Prova</title></head><body><main>
  <h1>Prova</h1><p style="color:#bbb">testo poco leggibile</p><button></button>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await newItalianPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

describe('il controllo di accessibilità delle schermate', () => {
  it('trova le violazioni gravi al primo controllo, ai successivi nella stessa pagina e in una pagina nuova', async () => {
    const ids = async () => (await seriousA11yViolations(page)).map((v) => v.split(':')[0]).sort();
    await page.setContent(FAULTY);
    expect(await ids()).toEqual(['button-name', 'color-contrast', 'image-alt']);
    // The same document, changed as the app changes screen: axe-core is already there.
    await page.evaluate(() => {
      window.location.hash = '#/altra';
      document.querySelector('button')!.textContent = 'Salva';
    });
    expect(await ids()).toEqual(['color-contrast', 'image-alt']);
    // A new document has no axe-core: it is injected again.
    await page.setContent('<!doctype html><html lang="it"><head><title>Vuota</title></head><body><main><h1>Vuota</h1></main></body></html>');
    expect(await ids()).toEqual([]);
  });
});
