/**
 * Serves a production build (build/ or build-subpath/) on 127.0.0.1, on a free
 * port, under the base URL it was built for, and answers the way
 * `docusaurus serve` and GitHub Pages do: `<base>foundations/welcome` is
 * foundations/welcome.html (or foundations/welcome/index.html, as a site
 * built with trailing slashes has it), `<base>` is index.html, a file is
 * itself, and anything else is 404.html with status 404.
 *
 * In-process, so the caller owns it: `npm run pdf` prints the book from it,
 * and the offline test closes it to cut the network under a service worker.
 */
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

export interface ServedBuild {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The base URL the build was made for: `/` or `/rust-for-python-developers/`. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<port><base>`, where the cover is. */
  readonly siteUrl: string;
  /** How many requests it has answered, for tests that want to prove the network was not used. */
  readonly requestCount: () => number;
  /** From now on, answers `urlPath` with `body` instead of the build's file: a test's new deploy. */
  readonly override: (urlPath: string, body: string | Buffer) => void;
  /** Stops answering and drops open connections: after this, nothing is served. */
  readonly close: () => Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

/** The Content-Type a built file is served with. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** The file a URL path is answered with, or undefined for a 404. Never a file outside the build. */
export function fileForUrlPath(buildDir: string, baseUrl: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(baseUrl)) {
    return undefined;
  }
  let inSite: string;
  try {
    inSite = decodeURIComponent(urlPath.slice(baseUrl.length));
  } catch {
    return undefined;
  }
  const root = path.resolve(buildDir);
  const candidates =
    inSite === '' || inSite.endsWith('/')
      ? [`${inSite}index.html`]
      : [inSite, `${inSite}.html`, `${inSite}/index.html`];
  return candidates
    .map((candidate) => path.resolve(root, candidate))
    .find((file) => file.startsWith(`${root}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile());
}

export async function serveBuild(buildDir: string, baseUrl: string): Promise<ServedBuild> {
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error(`${buildDir}/index.html is missing: build the site first (npm run build)`);
  }
  let requests = 0;
  const overrides = new Map<string, Buffer>();
  const server = http.createServer((request, response) => {
    requests += 1;
    const urlPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = fileForUrlPath(buildDir, baseUrl, urlPath);
    const target = file ?? path.join(buildDir, '404.html');
    const body = overrides.get(urlPath) ?? fs.readFileSync(target);
    response.writeHead(file ? 200 : 404, {
      'content-type': contentTypeOf(target),
      'content-length': body.length,
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl,
    siteUrl: `${origin}${baseUrl}`,
    requestCount: () => requests,
    override: (urlPath, body) => overrides.set(urlPath, Buffer.from(body)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
