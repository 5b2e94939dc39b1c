import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import useBaseUrl from '@docusaurus/useBaseUrl';

/** Links KaTeX's CSS, served by the site; added by src/remark/katexStylesheet.ts to pages with maths. */
export default function KatexStylesheet(): ReactNode {
  const href = useBaseUrl('/katex/katex.min.css');
  return (
    <Head>
      <link rel="stylesheet" href={href} />
    </Head>
  );
}
