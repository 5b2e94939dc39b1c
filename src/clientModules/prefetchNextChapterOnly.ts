/**
 * Prefetching: the next chapter only (a client module, docusaurus.config.ts).
 *
 * Docusaurus' <Link> prefetches the JavaScript of every internal link that
 * enters the viewport, through `window.docusaurus.prefetch`. The sidebar lists
 * every part and chapter of the book, so a reader's first visit downloaded
 * most of the book's chapters (148 KB gzipped on the longest chapter) while
 * the page they asked for was still becoming responsive. Docusaurus has no
 * option to turn viewport prefetching off or to limit it, and <Link> cannot be
 * swizzled; every link goes through `window.docusaurus` (typed in
 * @docusaurus/module-type-aliases), so this module wraps the object Docusaurus
 * installs there: `prefetch` does nothing unless the path was asked for with
 * prefetchChapter (src/theme/DocItem/Paginator asks for the next chapter).
 * `preload` — what <Link> does when the pointer enters it or a finger touches
 * it — is left as it is, so a link the reader reaches for still loads early.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

type DocusaurusApi = Window['docusaurus'];

const wanted = new Set<string>();

function limited(api: DocusaurusApi): DocusaurusApi {
  return Object.freeze({
    preload: api.preload,
    prefetch: (routePath: string) => (wanted.has(routePath) ? api.prefetch(routePath) : false),
  });
}

/** Prefetches a page's JavaScript: the one prefetch this site makes without being asked. */
export function prefetchChapter(permalink: string): void {
  wanted.add(permalink);
  void window.docusaurus.prefetch(permalink);
}

if (ExecutionEnvironment.canUseDOM) {
  // Docusaurus assigns window.docusaurus after client modules have run; wrap whatever it assigns.
  const existing = (window as Partial<Window>).docusaurus;
  let installed: DocusaurusApi | undefined = existing === undefined ? undefined : limited(existing);
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => installed,
    set: (api: DocusaurusApi) => {
      installed = limited(api);
    },
  });
}
