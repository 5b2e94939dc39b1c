/**
 * Runs one of the book's remark plugins on an MDX string, as Docusaurus would,
 * and gives back the MDX it produces — for golden-fixture tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import {unified, type Plugin, type PluggableList} from 'unified';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import {VFile} from 'vfile';
import type {Root} from 'mdast';

export const SITE_DIR = path.resolve(import.meta.dirname, '../..');
export const FIXTURES_DIR = path.join(import.meta.dirname, 'fixtures', 'remark');

/** A site whose examples/ holds the files the include fixtures cut regions from. */
export const INCLUDE_SITE_DIR = path.join(import.meta.dirname, 'fixtures', 'include');

/** Processes `source` as if it were the file at `docPath` (relative to the site at `siteDir`). */
export async function runRemark(
  plugins: readonly Plugin<[], Root>[],
  source: string,
  docPath = 'docs/fixture.mdx',
  siteDir = SITE_DIR,
): Promise<string> {
  const file = new VFile({path: path.join(siteDir, docPath), cwd: siteDir, value: source});
  const result = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    // As in Docusaurus, which always adds GFM: tables parse and print as tables.
    .use(remarkGfm)
    .use(plugins as PluggableList)
    .use(remarkStringify)
    .process(file);
  return String(result);
}

/** Reads fixtures/remark/<name>/input.mdx and expected.mdx. */
export function readFixture(name: string): {input: string; expected: string; expectedPath: string} {
  const dir = path.join(FIXTURES_DIR, name);
  const expectedPath = path.join(dir, 'expected.mdx');
  return {
    input: fs.readFileSync(path.join(dir, 'input.mdx'), 'utf8'),
    expected: fs.existsSync(expectedPath) ? fs.readFileSync(expectedPath, 'utf8') : '',
    expectedPath,
  };
}

/** With UPDATE_GOLDEN=1 the expected file is rewritten from the real output, to review in the diff. */
export function updateGolden(expectedPath: string, actual: string): boolean {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(expectedPath, actual);
    return true;
  }
  return false;
}
