import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three levels (ARCHITECTURE.md §9): unit (pure, fast), integration (real encrypted files in temp dirs),
// e2e (real Chromium against browser mode; needs `npm run build` first).
export default defineConfig({
  test: {
    root,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Vitest's default on 2 cores is one worker, so the e2e files (mostly waiting on Chromium and
    // the server) and the integration files (CPU) ran one after the other: 19.5 of CI's minutes.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Property tests are bounded by run counts, not by time: a busy 2-core CI may be several times slower.
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
