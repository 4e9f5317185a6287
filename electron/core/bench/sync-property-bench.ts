import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { round, type Metric } from './metrics';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEST = 'tests/integration/sync-convergence.test.ts';

interface PropertyReport {
  runs: number;
  failures: number;
  acknowledged: number;
  conflicts: number;
  segments: number;
  /** CPU time of the runs (user + system): steadier than wall time on a loaded machine. */
  cpuMs: number;
  seed: number;
  failure: string | null;
}

/**
 * The sync convergence property (three replicas, the real services and segments) at a count
 * `npm test` cannot afford: the same test file, run by vitest with UDC_PROP_RUNS and
 * UDC_PROP_OPS, reporting through UDC_PROP_REPORT. Runs and failures are figures, not
 * assertions; a failure's seed and replay command go to the log.
 */
export function syncPropertyBench(options: { runs: number; ops: number; seed: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-prop-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    options.log(`sync property: ${options.runs} runs × ${options.ops} operations (seed ${options.seed})…`);
    const started = performance.now();
    const child = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/vitest.config.ts', TEST, '-t', 'esecuzioni'], {
      cwd: ROOT,
      env: { ...process.env, UDC_PROP_RUNS: String(options.runs), UDC_PROP_OPS: String(options.ops), UDC_PROP_SEED: String(options.seed), UDC_PROP_REPORT: reportFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    // Wall time of the whole vitest child (imports and the template office included): the test itself keeps no clock.
    const totalS = round((performance.now() - started) / 1000, 1);
    if (!fs.existsSync(reportFile)) throw new Error(`the property did not run (vitest exit ${child.status}): ${child.stderr.slice(-2000)}`);
    const r = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as PropertyReport;
    if (r.failure) options.log(r.failure.slice(0, 4000));
    const detail = { runs: r.runs, ops: options.ops, seed: r.seed, acknowledged: r.acknowledged, conflicts: r.conflicts, segments: r.segments, total_s: totalS };
    return [
      { name: 'sync_property_failures', value: r.failures, unit: 'n', target: 0, detail },
      // What a run of the property costs, in CPU time (steadier than wall time on a loaded machine):
      // 1,000 runs in npm test would need ≤ 120 ms each.
      {
        name: 'sync_property_run_ms',
        value: round(r.cpuMs / Math.max(1, r.runs), 1),
        unit: 'ms',
        target: 120,
        detail: { runs: r.runs, ops: options.ops, total_s: totalS },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
