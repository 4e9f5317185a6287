import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contracts';
import { ACTIONS } from '../../shared/domain/permissions';
import { LABELLED_ACTIONS, LABELLED_SUBJECTS, actionLabel, subjectTypeLabel } from '../../renderer/i18n/action-labels';

const ROOT = path.resolve(import.meta.dirname, '../..');

function coreSources(): string {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  // The benchmarks record nothing in the office's audit log.
  return walk(path.join(ROOT, 'electron/core'))
    .filter((f) => !f.includes(`${path.sep}bench${path.sep}`))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

/**
 * Action codes the core writes: the literal after `action:` (conditionals included), and the
 * 'area.name' literals handed to the services' audit helpers (entry(row, 'cases.assign')),
 * minus the permission names, which are not actions of the log.
 */
function recordedActions(src: string): Set<string> {
  const prefixes = new Set([...Object.keys(contract).map((c) => c.split('.')[0] as string), 'keys', 'seed', 'notices', 'sync']);
  const permissions = new Set<string>(ACTIONS);
  const found = new Set<string>();
  for (const m of src.matchAll(/'([a-z][a-zA-Z]*\.[a-zA-Z_]+)'/g)) {
    const code = m[1] as string;
    if (prefixes.has(code.split('.')[0] as string) && !permissions.has(code)) found.add(code);
  }
  return found;
}

describe('registro accessi: etichette italiane', () => {
  it('every channel (the router records refusals under its name) and every action the core records has an Italian label', () => {
    const src = coreSources();
    const actions = new Set([...Object.keys(contract), ...recordedActions(src)]);
    // The scan sees what the issue reported and the helpers' literals.
    expect(actions).toContain('seed.import');
    expect(actions).toContain('notices.refused');
    expect(actions).toContain('auth.revoked');
    const missing = [...actions].filter((a) => !LABELLED_ACTIONS.has(a)).sort();
    expect(missing).toEqual([]);
    expect(actionLabel('seed.import')).toBe('Caricamento dati dimostrativi');
  });

  it('every subject type the core records has an Italian label', () => {
    const src = coreSources();
    const types = new Set([...src.matchAll(/subjectType: (?:[^,}\n]*?)'([a-z_]+)'/g)].map((m) => m[1] as string));
    expect(types).toContain('dati_dimostrativi');
    const missing = [...types].filter((t) => !LABELLED_SUBJECTS.has(t)).sort();
    expect(missing).toEqual([]);
    expect(subjectTypeLabel('dati_dimostrativi')).toBe('Dati dimostrativi');
  });
});
