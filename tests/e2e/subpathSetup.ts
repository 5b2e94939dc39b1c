/** The sub-path run (`npm run test:subpath`) needs its own build: say so when there is none. */
import fs from 'node:fs';
import path from 'node:path';

import {BASE_URL, BUILD_DIR} from './builtSite';

export default function subpathSetup(): void {
  if (!fs.existsSync(path.join(BUILD_DIR, 'index.html'))) {
    throw new Error(
      `${BUILD_DIR}/index.html is missing: run \`npm run test:subpath\`, which builds the site for BASE_URL=${BASE_URL} into it first`,
    );
  }
}
