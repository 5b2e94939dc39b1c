/** The end-to-end tests run against the production build: say so when there is none. */
import fs from 'node:fs';
import path from 'node:path';
import type {FullConfig} from '@playwright/test';

export default function globalSetup(config: FullConfig): void {
  const siteDir = config.configFile ? path.dirname(config.configFile) : process.cwd();
  const index = path.join(siteDir, 'build', 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(
      'build/index.html is missing: run `npm run build` before `npm run test:e2e` (`npm test` does both)',
    );
  }
}
