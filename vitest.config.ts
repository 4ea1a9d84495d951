import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** `npx vitest run` runs everything; `--project <name>` runs one part. */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/extension/**'] },
      },
      {
        // fakeBrowser in place of `browser`, WXT's auto-imports and aliases, as in the built extension.
        plugins: [WxtVitest()],
        // Rendered pages against an in-process API: generous limits for a loaded 2-core machine.
        test: {
          name: 'extension',
          include: ['test/unit/extension/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        test: { name: 'server', include: ['test/server/**/*.test.ts'] },
      },
      {
        // One real Chromium and one real API per file: run files one after another.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
