import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveStatic } from '../../electron/core/server/static-files';

// Layout (root is what the browser server serves, as a real path like the server passes it):
//   <base>/www/index.html, app.js, style.css, LOGO.SVG, dati.bin, assets/font.woff2
//   <base>/www-segreto/chiavi.json        sibling whose name starts like the root
//   <base>/segreto.txt                    outside the root
let base: string;
let root: string;
let canSymlink = true;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'udc-static-')));
  root = path.join(base, 'www');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'style.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'LOGO.SVG'), '<svg/>');
  fs.writeFileSync(path.join(root, 'dati.bin'), 'x');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  fs.mkdirSync(path.join(base, 'www-segreto'));
  fs.writeFileSync(path.join(base, 'www-segreto', 'chiavi.json'), '{"segreto":true}');
  fs.writeFileSync(path.join(base, 'segreto.txt'), 'segreto');
  try {
    fs.symlinkSync(path.join(base, 'segreto.txt'), path.join(root, 'collegamento.txt'));
    fs.symlinkSync(path.join(base, 'www-segreto'), path.join(root, 'cartella-collegata'));
  } catch {
    canSymlink = false; // Windows without developer mode
  }
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('file statici: quello che si serve', () => {
  it('serves index.html for "/" (also with a query string)', () => {
    expect(resolveStatic(root, '/')).toEqual({ file: path.join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveStatic(root, '/?token=abc')).toEqual({ file: path.join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveStatic(root, '/index.html')?.file).toBe(path.join(root, 'index.html'));
  });

  it('serves files with their content type', () => {
    expect(resolveStatic(root, '/app.js')).toEqual({ file: path.join(root, 'app.js'), type: 'text/javascript; charset=utf-8' });
    expect(resolveStatic(root, '/style.css')?.type).toBe('text/css; charset=utf-8');
    expect(resolveStatic(root, '/assets/font.woff2')).toEqual({ file: path.join(root, 'assets', 'font.woff2'), type: 'font/woff2' });
    expect(resolveStatic(root, '/LOGO.SVG')?.type).toBe('image/svg+xml');
    expect(resolveStatic(root, '/dati.bin')?.type).toBe('application/octet-stream');
    expect(resolveStatic(root, '/app.js?v=2')?.file).toBe(path.join(root, 'app.js'));
  });

  it('decodes ordinary percent-encoding and tolerates repeated slashes', () => {
    expect(resolveStatic(root, '/%61pp.js')?.file).toBe(path.join(root, 'app.js'));
    expect(resolveStatic(root, '//app.js')?.file).toBe(path.join(root, 'app.js'));
    expect(resolveStatic(root, '/assets/./font.woff2')?.file).toBe(path.join(root, 'assets', 'font.woff2'));
  });
});

describe('file statici: quello che si rifiuta', () => {
  const refused: [string, string][] = [
    ['parent folder', '/../segreto.txt'],
    ['parent folder without leading slash', '../segreto.txt'],
    ['deep parent', '/assets/../../segreto.txt'],
    ['sibling with the same prefix', '/../www-segreto/chiavi.json'],
    ['encoded dots', '/%2e%2e/segreto.txt'],
    ['encoded dots without slash', '%2e%2e/segreto.txt'],
    ['encoded upper-case dots', '/%2E%2E/segreto.txt'],
    ['encoded slash', '/..%2fsegreto.txt'],
    ['fully encoded', '%2e%2e%2fsegreto.txt'],
    ['encoded backslash', '/..%5csegreto.txt'],
    ['encoded backslash, upper case', '/..%5Csegreto.txt'],
    ['encoded backslash to a file inside', '/assets%5cfont.woff2'],
    ['raw backslash', '/..\\segreto.txt'],
    ['NUL', '/index.html%00'],
    ['NUL before an extension', '/app.js%00.png'],
    ['malformed escape', '/%E0%A4%A'],
    ['lone percent', '/%'],
    ['absolute path', '{base}/segreto.txt'],
    ['absolute path to the sibling', '{base}/www-segreto/chiavi.json'],
    ['encoded absolute path', '{encoded-base}%2fsegreto.txt'],
    ['system file', '/etc/passwd'],
    ['missing file', '/non-esiste.js'],
    ['directory', '/assets'],
    ['directory with slash', '/assets/'],
    ['root itself', ''],
    ['root as dot', '/.'],
  ];
  // `{base}` stands for the temp folder, known only once the tests run.
  for (const [what, template] of refused) {
    it(`${what}: ${JSON.stringify(template)}`, () => {
      const url = template.replace('{base}', base).replace('{encoded-base}', encodeURIComponent(base));
      expect(resolveStatic(root, url)).toBeNull();
    });
  }

  it('a symlink inside the folder pointing outside is not followed', () => {
    expect(canSymlink).toBe(true);
    expect(resolveStatic(root, '/collegamento.txt')).toBeNull();
  });

  it('a symlinked folder inside the root pointing outside is not followed', () => {
    expect(canSymlink).toBe(true);
    expect(resolveStatic(root, '/cartella-collegata/chiavi.json')).toBeNull();
  });

  it('whatever the path, a served file is a regular file inside the root', () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E.', 'assets', 'app.js', 'index.html', '%5c', '%2f', '', 'www', 'segreto.txt', 'www-segreto', 'chiavi.json', '%00');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, leadingSlash) => {
        const url = (leadingSlash ? '/' : '') + segments.join('/');
        const found = resolveStatic(root, url);
        if (found !== null) {
          expect(found.file.startsWith(root + path.sep)).toBe(true);
          expect(fs.statSync(found.file).isFile()).toBe(true);
          // Never anything from outside, whichever way it was reached.
          expect(fs.realpathSync(found.file).startsWith(root + path.sep)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
