/**
 * Fills a code fence from a file in the repository, so the book shows the
 * real code of examples/ and never a pasted copy.
 *
 * Takes: a fence with `file="…"` and optionally `region=name`, whose body in
 * the MDX is empty. Gives: the fence with the file's text, or just the named
 * region (src/samples/regions.ts says how regions are cut, and which files a
 * sample may include). A missing file or region fails the build with the
 * doc's path and line.
 */
import type {Code, Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';

import {tokenizeMeta} from '../samples/fence';
import {readInclude} from '../samples/regions';
import {AuthoringError} from './authoringError';

const remarkIncludeCode: Plugin<[], Root> = () => (tree, file) => {
  const siteDir = file.cwd;
  visit(tree, 'code', (node: Code) => {
    const tokens = tokenizeMeta(node.meta ?? '');
    const fileToken = tokens.find((token) => token.key === 'file');
    if (!fileToken) {
      return;
    }
    const region = tokens.find((token) => token.key === 'region')?.value;
    const included = readInclude({
      root: siteDir,
      file: fileToken.value ?? '',
      ...(region === undefined ? {} : {region}),
      body: node.value,
      sample: node.lang === 'rust' || node.lang === 'python',
    });
    if (!included.ok) {
      throw new AuthoringError(file, node, `this fence ${included.what}; ${included.todo}`);
    }
    node.value = included.text;
  });
};

export default remarkIncludeCode;
