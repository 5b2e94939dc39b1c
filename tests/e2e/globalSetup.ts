/** The end-to-end tests run against the production build: say so when there is none. */
import fs from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const index = path.resolve(import.meta.dirname, '../../build/index.html');
  if (!fs.existsSync(index)) {
    throw new Error('build/index.html is missing: run `npm run build` before `npm run test:e2e` (`npm test` does both)');
  }
}
