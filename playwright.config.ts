import {defineConfig} from '@playwright/test';

import {chromiumLaunchOptions} from './tests/e2e/browser';

/** The production build, served by `docusaurus serve` on loopback only; tests start and stop it. */
const PORT = Number(process.env.E2E_PORT ?? 4310);
const BASE_URL = process.env.BASE_URL ?? '/';
const ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  globalTimeout: 15 * 60_000,
  reporter: [['list']],
  globalSetup: './tests/e2e/globalSetup.ts',
  use: {
    baseURL: `${ORIGIN}${BASE_URL}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: {
    command: `npx docusaurus serve --dir build --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `${ORIGIN}${BASE_URL}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
