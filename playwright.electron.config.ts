import { defineConfig } from '@playwright/test';

/**
 * The Electron suite: launches the built app (out/main/index.js) through Playwright's `_electron`.
 * Needs the Electron binary (skipped with a reason where ELECTRON_SKIP_BINARY_DOWNLOAD left it out)
 * and a display (`npm run test:electron` wraps it in xvfb-run).
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
