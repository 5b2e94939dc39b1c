import {defineConfig} from '@playwright/test';

import {chromiumLaunchOptions} from './tests/e2e/browser';

/** The production build, served by `docusaurus serve` on loopback only; tests start and stop it. */
const PORT = Number(process.env.E2E_PORT ?? 4310);
const BASE_URL = process.env.BASE_URL ?? '/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Which build to serve: `build`, or `build-subpath` for `npm run test:subpath` (see tests/e2e/subpath.spec.ts). */
const BUILD_DIR = process.env.E2E_BUILD_DIR ?? 'build';
/** A build for a project sub-path (GitHub Pages) runs only the sub-path checks; the full suite runs on `/`. */
const SUBPATH_RUN = BASE_URL !== '/';

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  globalTimeout: 15 * 60_000,
  reporter: [['list']],
  globalSetup: SUBPATH_RUN ? './tests/e2e/subpathSetup.ts' : './tests/e2e/globalSetup.ts',
  use: {
    baseURL: `${ORIGIN}${BASE_URL}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
    // Every test is a reader's first visit, and a first visit saves the whole book for offline
    // reading in the background: megabytes per test, for nothing. offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  projects: SUBPATH_RUN
    ? [{name: 'subpath', testMatch: ['subpath.spec.ts', 'links.spec.ts', 'bookPdf.spec.ts', 'offline.spec.ts']}]
    : [{name: 'site', testIgnore: 'subpath.spec.ts'}],
  webServer: {
    command: `npx docusaurus serve --dir ${BUILD_DIR} --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `${ORIGIN}${BASE_URL}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
