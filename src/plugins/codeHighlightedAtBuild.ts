/**
 * Keeps Prism out of the reader's JavaScript. Every fence is highlighted at
 * build time (src/remark/highlightCode.ts) and rendered as it is by
 * src/theme/CodeBlock, so the browser never tokenises code; yet the theme's
 * client module `prism-include-languages` imports prism-react-renderer (Prism
 * and its bundled languages, about a sixth of the main bundle) on every page.
 * This plugin points that import, in the bundles Docusaurus builds, at a
 * stand-in (prismStandIn.ts). Node, where the remark plugin runs, keeps the
 * real package.
 */
import path from 'node:path';

import type {Plugin} from '@docusaurus/types';

export default function codeHighlightedAtBuildPlugin(): Plugin {
  return {
    name: 'code-highlighted-at-build',
    configureWebpack() {
      return {
        resolve: {alias: {'prism-react-renderer$': path.join(__dirname, 'prismStandIn.ts')}},
      };
    },
  };
}
