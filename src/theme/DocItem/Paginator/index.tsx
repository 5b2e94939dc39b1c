/**
 * The previous/next links under a chapter (swizzled, wrapping the theme's),
 * which also prefetch the next chapter once the browser is idle: the one page
 * a reader is most likely to open next, and the only one this site prefetches
 * (src/clientModules/prefetchNextChapterOnly.ts). Not while a new build of
 * the book waits to take over (src/offline/registerServiceWorker.ts).
 */
import {useEffect, type ReactNode} from 'react';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import Paginator from '@theme-original/DocItem/Paginator';
import {prefetchChapter} from '@site/src/clientModules/prefetchNextChapterOnly';
import {newBuildWaiting} from '@site/src/offline/registerServiceWorker';

/** Runs `task` when the browser is idle, or after a moment where it cannot say. */
function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(task, {timeout: 5_000});
    return () => {
      window.cancelIdleCallback(handle);
    };
  }
  const handle = setTimeout(task, 2_000);
  return () => {
    clearTimeout(handle);
  };
}

export default function DocItemPaginator(): ReactNode {
  const next = useDoc().metadata.next?.permalink;
  useEffect(() => {
    if (next === undefined) {
      return undefined;
    }
    return whenIdle(() => {
      // Not when the page is about to load again from a new build: that would fetch the old one.
      if (!newBuildWaiting()) {
        prefetchChapter(next);
      }
    });
  }, [next]);
  return <Paginator />;
}
