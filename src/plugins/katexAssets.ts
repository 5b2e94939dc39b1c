/**
 * KaTeX's stylesheet and fonts, served from the site itself (no CDN).
 *
 * Copies katex.min.css and its fonts from the installed katex package into a
 * cache folder laid out as the site serves them (KatexStylesheet/assetPaths.ts),
 * and returns that folder for the config's `staticDirectories`, so
 * `docusaurus start` and `build` both serve /katex/katex.min.css. package.json pins katex to the version rehype-katex
 * renders with (npm dedupes them to one copy).
 */
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';

import {KATEX_DIR, KATEX_STYLESHEET_FILE} from '../components/KatexStylesheet/assetPaths';

export function prepareKatexAssets(siteDir: string = process.cwd()): string {
  const require = createRequire(path.join(siteDir, 'package.json'));
  const distDir = path.dirname(require.resolve(`katex/dist/${KATEX_STYLESHEET_FILE}`));
  const staticDir = path.join(siteDir, 'node_modules', '.cache', 'katex-static');
  const target = path.join(staticDir, KATEX_DIR);
  fs.mkdirSync(target, {recursive: true});
  fs.copyFileSync(path.join(distDir, KATEX_STYLESHEET_FILE), path.join(target, KATEX_STYLESHEET_FILE));
  fs.cpSync(path.join(distDir, 'fonts'), path.join(target, 'fonts'), {recursive: true});
  return staticDir;
}
