import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import useBaseUrl from '@docusaurus/useBaseUrl';

import {KATEX_STYLESHEET} from './assetPaths';

/** Links KaTeX's CSS, served by the site; added by src/remark/katexStylesheet.ts to pages with maths. */
export default function KatexStylesheet(): ReactNode {
  const href = useBaseUrl(`/${KATEX_STYLESHEET}`);
  return (
    <Head>
      <link rel="stylesheet" href={href} />
    </Head>
  );
}
