/**
 * Links KaTeX's stylesheet from the pages that contain maths, and from no
 * other page, so a chapter without formulas loads no KaTeX CSS.
 *
 * Takes: a tree after remark-math. Gives: the same tree with a
 * <KatexStylesheet /> element appended when it holds `math` or `inlineMath`.
 */
import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit, EXIT} from 'unist-util-visit';

import {flowElement} from './mdxJsx';

const remarkKatexStylesheet: Plugin<[], Root> = () => (tree) => {
  // Set inside the visitor, which TypeScript's flow analysis cannot see.
  let hasMath = false as boolean;
  visit(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') {
      hasMath = true;
      return EXIT;
    }
    return undefined;
  });
  if (hasMath) {
    tree.children.push(flowElement('KatexStylesheet', {}, []));
  }
};

export default remarkKatexStylesheet;
