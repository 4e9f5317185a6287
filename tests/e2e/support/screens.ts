import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './axe';
import { screenshot } from './browser';

/**
 * Screenshot a screen and record its serious/critical axe violations under `name`. Colours are
 * judged once MUI's transitions (ripples, focus, hover) have settled.
 */
export async function checkScreen(page: Page, file: string, name: string, found: Record<string, string[]>): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await screenshot(page, file);
  found[name] = await seriousA11yViolations(page);
}

/** Follow an in-app link or bookmark: the app routes on the URL hash. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}
