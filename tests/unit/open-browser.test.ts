import { describe, expect, it } from 'vitest';
import { browserCandidates, launcherPage, privateBrowserArgs } from '../../electron/core/cli/open-browser';

describe('the browser the serve command opens', () => {
  it('Chromium-based browsers get a temporary profile and incognito, Firefox a private window in its own profile', () => {
    expect(privateBrowserArgs('chromium', '/tmp/p', 'file:///tmp/p/apri.html')).toEqual([
      '--user-data-dir=/tmp/p',
      '--incognito',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-sync',
      '--new-window',
      'file:///tmp/p/apri.html',
    ]);
    expect(privateBrowserArgs('firefox', '/tmp/p', 'file:///tmp/p/apri.html')).toEqual(['-no-remote', '-profile', '/tmp/p', '-private-window', 'file:///tmp/p/apri.html']);
  });

  it('the command line carries a file path, never the token: the launcher page forwards to it', () => {
    const url = 'http://127.0.0.1:4000/#t=abc_DEF-123';
    const args = privateBrowserArgs('chromium', '/tmp/p', 'file:///tmp/p/apri.html');
    expect(args.join(' ')).not.toContain('#t=');
    expect(launcherPage(url)).toContain(`content="0;url=${url}"`);
    expect(launcherPage('http://x/"><script>')).not.toContain('"><script>');
  });

  it('prefers Chromium-based browsers, then Firefox, searching PATH on Linux', () => {
    const list = browserCandidates('linux', { PATH: '/usr/bin:relative/bin' });
    expect(list[0]).toEqual({ kind: 'chromium', executable: '/usr/bin/chromium' });
    expect(list.some((b) => b.kind === 'firefox' && b.executable === '/usr/bin/firefox')).toBe(true);
    expect(list.every((b) => b.executable.startsWith('/usr/bin/'))).toBe(true);
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })[0]?.executable).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });
});
