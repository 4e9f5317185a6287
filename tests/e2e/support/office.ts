import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Connection, Core } from '../../../electron/core/app';
import type { Profile } from '../../../shared/domain/permissions';
import { call, createUser, loginAs, setUpZone } from '../../support/core-harness';
import { startApp, type RunningApp } from './app-server';
import { launchChromium, newItalianPage } from './browser';

export interface Member {
  username: string;
  fullName: string;
  profile: Profile;
}

/** The temporary password every member is created with, and the one left after the first-login change. */
export const TEMP_PASSWORD = 'Provvisoria-2026';
export const STAFF_PASSWORD = `${TEMP_PASSWORD}-nuova1`;

export interface Preparation {
  core: Core;
  admin: Connection;
  dataDir: string;
  /** Each member's user id, by username. */
  ids: Record<string, string>;
  /** A new connection logged in as a member (first login already done). */
  as: (username: string) => Promise<Connection>;
}

export interface Office<T> {
  app: RunningApp;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** What `prepare` returned. */
  data: T;
  close: () => Promise<void>;
}

/**
 * A zone set up through the core, with `staff` created and past their first login (each one's
 * password is now STAFF_PASSWORD) and whatever `prepare` adds; then the built app serves that data
 * folder, and one Chromium page waits on its login screen. Users are created with the tests' cheap
 * KDF, once per file: the production KDF is not what these tests are about.
 */
export async function officeInChromium<T = undefined>(options: {
  name: string;
  staff?: readonly Member[];
  prepare?: (p: Preparation) => Promise<T>;
  /** Playwright's default wait for this file's page. */
  timeout?: number;
  locale?: string;
}): Promise<Office<T>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `udc-e2e-${options.name}-`));
  const { core, admin } = await setUpZone(dataDir);
  const ids: Record<string, string> = {};
  for (const member of options.staff ?? []) {
    ids[member.username] = (await createUser(admin, { ...member, password: TEMP_PASSWORD })).id;
    (await loginAs(core, member.username, TEMP_PASSWORD)).conn.close();
  }
  const opened: Connection[] = [];
  const as = async (username: string): Promise<Connection> => {
    const conn = core.connect('test');
    await call(conn, 'auth.login', { username, password: STAFF_PASSWORD });
    opened.push(conn);
    return conn;
  };
  let data: T;
  try {
    data = (options.prepare ? await options.prepare({ core, admin, dataDir, ids, as }) : undefined) as T;
  } finally {
    for (const conn of opened) conn.close();
    core.close();
  }
  // One after the other, as before: on a loaded 2-core machine the server's 20 s start-up guard
  // was missed when Chromium started beside it.
  const app = await startApp(dataDir);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await app.stop();
  };
  try {
    const page = await newItalianPage(browser, options.locale);
    page.setDefaultTimeout(options.timeout ?? 20_000);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    return { app, browser, page, dataDir, data, close };
  } catch (error) {
    await close();
    throw error;
  }
}
