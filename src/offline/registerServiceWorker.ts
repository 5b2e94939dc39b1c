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

/** How often, and how far apart, the page asks a waiting worker to take over. */
const TAKE_OVER_TRIES = 5;
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

const offlineBook: ClientModule = {
  onRouteDidUpdate({location, previousLocation}) {
    if (!waitingWorker || !previousLocation || location.pathname === previousLocation.pathname) {
      return;
    }
    const worker = waitingWorker;
    waitingWorker = null;
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        window.location.reload();
      },
      {once: true},
    );
    let tries = 0;
    const askToTakeOver = (): void => {
      tries += 1;
      worker.postMessage({type: 'SKIP_WAITING'});
      window.setTimeout(() => {
        if (worker.state === 'installed' && tries < TAKE_OVER_TRIES) {
          askToTakeOver();
        }
      }, TAKE_OVER_RETRY_MS);
    };
    whenIdle(askToTakeOver, 5_000);
  },
};

export default offlineBook;
