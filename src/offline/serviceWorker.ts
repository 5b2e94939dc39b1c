/**
 * The book's service worker: after a reader's first visit it saves the whole
 * book, so that every chapter opens with the network cut. Compiled alone into
 * build/sw.js by src/plugins/offlineBook.ts, which puts this build's
 * manifest (src/offline/precacheManifest.ts) in place of
 * `__BOOK_PRECACHE__`; registered by src/offline/registerServiceWorker.ts.
 *
 * - install: saves every file of the manifest into this build's cache, files
 *   already saved by an earlier build are copied if their revision is the
 *   same, and each download is checked against its revision. Any failure
 *   fails the install; the next visit tries again and resumes. With Save-Data
 *   on, the install is refused: nothing is downloaded, and an older saved copy
 *   (if any) stays in use.
 * - fetch: a file of the manifest comes from this build's cache (the network
 *   only if it is missing); a page the book does not have, offline, gets the
 *   404 page; a script of an older build, asked for by a page that opened
 *   before this worker took over, comes from that build's cache. The search
 *   index (not in the manifest: see precacheManifest.ts) comes from the
 *   network and is saved each time, so search works offline once used online.
 * - activate: happens on the first visit at once; for a new build, when no
 *   page of the old one is open, or when a page asks (SKIP_WAITING, sent on the
 *   reader's next navigation). Keeps the previous build's cache for pages still
 *   open on it and deletes older ones.
 */
import type {PrecacheManifest} from './precacheManifest';

declare const __BOOK_PRECACHE__: PrecacheManifest;

// The few service-worker types this file needs. The project compiles with the
// DOM library, which cannot be combined with the WebWorker one.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly registration: {readonly scope: string};
  readonly clients: {claim(): Promise<void>};
  readonly navigator: {readonly connection?: {readonly saveData?: boolean}};
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const manifest = __BOOK_PRECACHE__;

/** Caches are per origin, and GitHub Pages puts many sites on one: the names carry the scope. */
const scope = new URL(worker.registration.scope);
const CACHE_PREFIX = `book-offline ${scope.pathname} `;
const CURRENT_CACHE = `${CACHE_PREFIX}${manifest.version}`;
/** Holds one entry, the version whose cache pages were last served from. */
const STATE_CACHE = `${CACHE_PREFIX}state`;
const ACTIVE_VERSION_KEY = `${scope.href}__offline-book-active-version`;
/** Saved responses carry their revision, so a later build can reuse them. */
const REVISION_HEADER = 'x-book-revision';
/** Downloads at once while saving: enough to be quick, few enough to leave the reader's bandwidth alone. */
const PARALLEL_DOWNLOADS = 4;

const revisionByUrl = new Map(manifest.entries.map((entry) => [new URL(entry.url, scope).href, entry.revision]));

async function hexDigest(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

async function olderCaches(): Promise<Cache[]> {
  const names = (await caches.keys()).filter(
    (name) => name.startsWith(CACHE_PREFIX) && name !== CURRENT_CACHE && name !== STATE_CACHE,
  );
  // Newest first: the previous build is the likeliest to have a file already.
  return Promise.all(names.reverse().map((name) => caches.open(name)));
}

async function saveOne(cache: Cache, older: readonly Cache[], url: string, revision: string): Promise<void> {
  const saved = await cache.match(url);
  if (saved?.headers.get(REVISION_HEADER) === revision) {
    return;
  }
  for (const old of older) {
    const earlier = await old.match(url);
    if (earlier?.headers.get(REVISION_HEADER) === revision) {
      await cache.put(url, earlier);
      return;
    }
  }
  // `no-cache`: revalidate with the server, so an HTTP-cached page of another build is never saved.
  const response = await fetch(url, {cache: 'no-cache', credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  const body = await response.arrayBuffer();
  const got = await hexDigest(body);
  if (got !== revision) {
    // The site was deployed again while this worker was installing: a newer worker will save that build.
    throw new Error(`${url}: the server has revision ${got}, this build ${revision}`);
  }
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  // A new Response also drops `redirected`, which browsers refuse for a page.
  await cache.put(url, new Response(body, {status: response.status, statusText: response.statusText, headers}));
}

async function saveBook(): Promise<void> {
  if (worker.navigator.connection?.saveData) {
    throw new Error('Save-Data is on: the book is not saved for offline reading');
  }
  const cache = await caches.open(CURRENT_CACHE);
  const older = await olderCaches();
  const queue = [...revisionByUrl];
  const download = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await saveOne(cache, older, next[0], next[1]);
    }
  };
  await Promise.all(Array.from({length: PARALLEL_DOWNLOADS}, download));
}

async function takeOver(): Promise<void> {
  const state = await caches.open(STATE_CACHE);
  const previous = await (await state.match(ACTIVE_VERSION_KEY))?.text();
  const keep = new Set([CURRENT_CACHE, STATE_CACHE, ...(previous ? [`${CACHE_PREFIX}${previous}`] : [])]);
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name)).map((name) => caches.delete(name)),
  );
  await state.put(ACTIVE_VERSION_KEY, new Response(manifest.version));
  // Pages opened before this worker (the first visit) are served by it from now on.
  await worker.clients.claim();
}

/** The address a request is saved under: no query (`?lang=rust`), no fragment. */
function keyOf(request: Request): string {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A page of the site (an address without a file extension), not a file opened in the browser (the PDF). */
function isPage(request: Request, key: string): boolean {
  return request.mode === 'navigate' && !/\.[A-Za-z0-9]+$/.test(new URL(key).pathname);
}

async function fromCurrentBuild(request: Request, key: string): Promise<Response> {
  const saved = await (await caches.open(CURRENT_CACHE)).match(key);
  return saved ?? fetch(request);
}

/** Fresh from the network while online, saved for later; the saved copy offline. */
async function networkFirst(request: Request, key: string): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) {
      await (await caches.open(CURRENT_CACHE)).put(key, response.clone());
    }
    return response;
  } catch (error) {
    const saved = await caches.match(key);
    if (saved) {
      return saved;
    }
    throw error;
  }
}

async function fromAnyBuild(request: Request, key: string): Promise<Response> {
  for (const old of await olderCaches()) {
    const saved = await old.match(key);
    if (saved) {
      return saved;
    }
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await (await caches.open(CURRENT_CACHE)).match(new URL(manifest.notFoundUrl, scope).href);
      if (notFound) {
        return new Response(notFound.body, {status: 404, headers: notFound.headers});
      }
    }
    throw error;
  }
}

worker.addEventListener('install', (event) => {
  event.waitUntil(saveBook());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(takeOver());
});

worker.addEventListener('fetch', (event) => {
  const {request} = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) {
    return;
  }
  const key = keyOf(request);
  if (revisionByUrl.has(key)) {
    event.respondWith(fromCurrentBuild(request, key));
  } else if (isPage(request, key) || key.startsWith(new URL('assets/', scope).href)) {
    event.respondWith(fromAnyBuild(request, key));
  } else if (key.endsWith('.json')) {
    event.respondWith(networkFirst(request, key));
  }
  // Anything else (the PDF, the sitemap) goes to the network as if there were no worker.
});

worker.addEventListener('message', (event) => {
  if ((event.data as {type?: unknown} | null)?.type === 'SKIP_WAITING') {
    event.waitUntil(worker.skipWaiting());
  }
});
