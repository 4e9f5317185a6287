import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { APP_VERSION } from '../../electron/core/version';

describe('versione del programma', () => {
  it('APP_VERSION is the version in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: unknown };
    expect(typeof pkg.version).toBe('string');
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('is a plain semantic version', () => {
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
  });
});
