/**
 * Registers the book's service worker (src/offline/serviceWorker.ts, built
 * into `<base URL>sw.js`, scoped to the base URL) after the page has loaded
 * and the browser is idle, so a first visit does nothing extra before it is
 * readable; with Save-Data on, not at all. A client module added by
 * src/plugins/offlineBook.ts.
 *
 * When a new build's worker has saved that build and waits, the safe point to
 * switch is the reader's next navigation: once that page has settled, the new
 * worker takes over, and the page loads again, whole, from the new build.
 * Until then, every page comes from the build the reader started on: never a
 * mix. (Chromium leaves a worker waiting when the page fetches something just
 * as it is asked to take over, so the page asks again until it has.)
 *
 * Says what it did on `<html data-offline-book="…">`: `registered`,
 * `save-data` (not registered), or `unavailable` (no service workers here, or
 * registering failed; the book works online as before).
 */
import siteConfig from '@generated/docusaurus.config';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type {ClientModule} from '@docusaurus/types';

type Outcome = 'registered' | 'save-data' | 'unavailable';

/** NetworkInformation is not in TypeScript's DOM library yet; Chromium browsers have it. */
interface NavigatorWithConnection extends Navigator {
  readonly connection?: {readonly saveData?: boolean};
}

/** A new build's worker that has saved that build and waits for a safe point. */
let waitingWorker: ServiceWorker | null = null;
/** Set once the page has asked a new build's worker to take over; the page then loads again. */
let switching = false;

/**
 * Whether this page is about to load again from a new build. Then there is no
 * point prefetching the old build's files (src/theme/DocItem/Paginator), and
 * a prefetch in flight would hold the switch up: Chromium lets a new worker
 * take over only once the old one has answered every request, and it sends
 * prefetches last, when the page is otherwise idle.
 */
export function newBuildWaiting(): boolean {
  return waitingWorker !== null || switching;
}

/** How far apart the page asks a waiting worker to take over, until it has. */
const TAKE_OVER_RETRY_MS = 2_000;

/** Runs `task` once the browser is idle: after the page's own work, never in its way. */
function whenIdle(task: () => void, timeout: number): void {
  if ('requestIdleCallback' in window) {
    window.requestIdleCallback(task, {timeout});
  } else {
    setTimeout(task, Math.min(timeout, 2_000));
  }
}

function report(outcome: Outcome): void {
  document.documentElement.dataset.offlineBook = outcome;
}

function watchForNewBuilds(registration: ServiceWorkerRegistration): void {
  const noteWaiting = (): void => {
    // Without a controller this is the first worker: it takes over by itself.
    if (registration.waiting && navigator.serviceWorker.controller) {
      waitingWorker = registration.waiting;
    }
  };
  noteWaiting();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') {
        noteWaiting();
      }
    });
  });
}

async function register(): Promise<void> {
  if ((navigator as NavigatorWithConnection).connection?.saveData) {
    report('save-data');
    return;
  }
  try {
    const registration = await navigator.serviceWorker.register(`${siteConfig.baseUrl}sw.js`, {
      scope: siteConfig.baseUrl,
    });
    watchForNewBuilds(registration);
    report('registered');
  } catch {
    report('unavailable');
  }
}

if (ExecutionEnvironment.canUseDOM) {
  if (!('serviceWorker' in navigator)) {
    report('unavailable');
  } else {
    const registerWhenIdle = (): void => {
      whenIdle(() => void register(), 10_000);
    };
    if (document.readyState === 'complete') {
      registerWhenIdle();
    } else {
      window.addEventListener('load', registerWhenIdle, {once: true});
    }
  }
}

/** Lets `worker`, a new build's worker that waits, take over, and loads the page again from it. */
function switchTo(worker: ServiceWorker): void {
  switching = true;
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      window.location.reload();
    },
    {once: true},
  );
  // Chromium can keep a worker waiting while the old one still answers the page's requests (a
  // busy page, a slow machine): ask again until it has taken over or been replaced.
  const askToTakeOver = (): void => {
    worker.postMessage({type: 'SKIP_WAITING'});
    window.setTimeout(() => {
      if (worker.state === 'installed') {
        askToTakeOver();
      }
    }, TAKE_OVER_RETRY_MS);
  };
  whenIdle(askToTakeOver, 5_000);
}

const offlineBook: ClientModule = {
  onRouteDidUpdate({location, previousLocation}) {
    if (!previousLocation || location.pathname === previousLocation.pathname) {
      return;
    }
    if (waitingWorker) {
      const worker = waitingWorker;
      waitingWorker = null;
      switchTo(worker);
      return;
    }
    // A worker that started waiting without this page hearing of it (it registered while the
    // new build was still being saved, say) is found here, at the safe point.
    if (!switching && 'serviceWorker' in navigator && navigator.serviceWorker.controller) {
      void navigator.serviceWorker.getRegistration().then((registration) => {
        if (registration?.waiting) {
          switchTo(registration.waiting);
        }
      });
    }
  },
};

export default offlineBook;
