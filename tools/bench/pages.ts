/**
 * Page weight and speed of the book against stock Docusaurus (`npm run bench:pages`).
 *
 * For the cover, the longest chapter and the search page of build/, and for the
 * docs page of a stock Docusaurus classic site of the same version, prints:
 * bytes loaded on a first visit (HTML, JS, CSS, fonts, images; raw and gzip),
 * the number of requests, and Lighthouse scores (performance, accessibility,
 * best practices, SEO) with LCP, TBT and CLS, on mobile and desktop.
 *
 * Both sites are served the way a CDN serves them (brotli or gzip, by
 * Accept-Encoding) by a small static server on 127.0.0.1 that this script
 * starts and stops. The stock site is created with create-docusaurus from the
 * npm registry into a temporary folder on first use and reused after.
 *
 *   npx tsx tools/bench/pages.ts [--no-lighthouse] [--no-stock] [--build-dir build]
 */
import {execFile, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import {chromium} from '@playwright/test';

import {chromiumLaunchOptions} from '../../tests/e2e/browser';

const DOCUSAURUS_VERSION = '3.10.2';
const ROOT = path.resolve(__dirname, '../..');
const STOCK_DIR = process.env.BENCH_STOCK_DIR ?? path.join(os.tmpdir(), `rfpd-bench-stock-${DOCUSAURUS_VERSION}`);
/** Every child process and page load is bounded. */
const STEP_TIMEOUT_MS = 10 * 60_000;

interface Options {
  readonly lighthouse: boolean;
  readonly stock: boolean;
  readonly buildDir: string;
}

interface Weight {
  readonly raw: number;
  readonly gzip: number;
}

type Kind = 'html' | 'js' | 'css' | 'font' | 'image' | 'other';
const KINDS: readonly Kind[] = ['html', 'js', 'css', 'font', 'image', 'other'];

interface PageWeight {
  readonly requests: number;
  readonly byKind: Record<Kind, Weight>;
}

interface LighthouseResult {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

interface Measured {
  readonly site: 'book' | 'stock';
  readonly label: string;
  readonly url: string;
  readonly weight: PageWeight;
  readonly mobile?: LighthouseResult;
  readonly desktop?: LighthouseResult;
}

function parseOptions(argv: readonly string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: npx tsx tools/bench/pages.ts [options]

Tasks, in order:
  1. serve build/ compressed on 127.0.0.1 and measure the cover, the longest chapter and /search
  2. create, install and build a stock Docusaurus ${DOCUSAURUS_VERSION} classic site in
     ${STOCK_DIR} (first run only; set BENCH_STOCK_DIR to move it) and measure its docs page
  3. run Lighthouse (mobile and desktop) on each page, with CHROME_PATH or Debian's chromium

Options:
  --no-lighthouse   bytes and requests only (fast)
  --no-stock        skip the stock site
  --build-dir DIR   the book's build (default: build)`);
    process.exit(0);
  }
  const buildIndex = argv.indexOf('--build-dir');
  return {
    lighthouse: !argv.includes('--no-lighthouse'),
    stock: !argv.includes('--no-stock'),
    buildDir: path.resolve(ROOT, buildIndex === -1 ? 'build' : (argv[buildIndex + 1] ?? 'build')),
  };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stderr || result.stdout || result.error?.message}`,
    );
  }
  return result.stdout;
}

/** A stock classic site of the same Docusaurus version, built once and reused. */
function stockBuild(): string {
  const build = path.join(STOCK_DIR, 'build');
  if (fs.existsSync(path.join(build, 'index.html'))) {
    return build;
  }
  if (!fs.existsSync(path.join(STOCK_DIR, 'package.json'))) {
    console.log(`bench: creating a stock Docusaurus ${DOCUSAURUS_VERSION} site in ${STOCK_DIR} (npm registry)`);
    fs.mkdirSync(path.dirname(STOCK_DIR), {recursive: true});
    run(
      'npx',
      [
        '--yes',
        `create-docusaurus@${DOCUSAURUS_VERSION}`,
        path.basename(STOCK_DIR),
        'classic',
        '--typescript',
        '--skip-install',
      ],
      path.dirname(STOCK_DIR),
    );
  }
  if (!fs.existsSync(path.join(STOCK_DIR, 'node_modules', '@docusaurus', 'core'))) {
    console.log('bench: installing the stock site (npm registry)');
    run('npm', ['install', '--no-audit', '--no-fund'], STOCK_DIR);
  }
  console.log('bench: building the stock site');
  run('npx', ['docusaurus', 'build'], STOCK_DIR, {...process.env, BASE_URL: '/'});
  return build;
}

// ---------------------------------------------------------------------------
// A static server that compresses like a CDN: brotli, else gzip, else identity.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')].map((candidate) =>
    path.join(root, candidate),
  );
  return candidates.find((file) => file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile());
}

async function serve(root: string): Promise<{origin: string; close: () => Promise<void>}> {
  const cache = new Map<string, Buffer>();
  const server = http.createServer((request, response) => {
    const file = resolveFile(root, request.url ?? '/');
    const status = file ? 200 : 404;
    const target = file ?? path.join(root, '404.html');
    const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream';
    const body = fs.readFileSync(target);
    const accepts = request.headers['accept-encoding'] ?? '';
    const encoding = !COMPRESSIBLE.test(type)
      ? undefined
      : /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : undefined;
    let payload: Buffer = body;
    if (encoding) {
      const key = `${encoding}:${target}`;
      payload =
        cache.get(key) ??
        (encoding === 'br'
          ? zlib.brotliCompressSync(body, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}})
          : zlib.gzipSync(body, {level: 9}));
      cache.set(key, payload);
    }
    response.writeHead(status, {
      'content-type': type,
      'content-length': payload.length,
      'cache-control': target.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=600',
      ...(encoding ? {'content-encoding': encoding, vary: 'accept-encoding'} : {}),
    });
    response.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

// ---------------------------------------------------------------------------

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
  if (resourceType === 'image') return 'image';
  return 'other';
}

/** What a first visit loads: every response's body, raw and gzipped, by kind. */
async function measureWeight(url: string): Promise<PageWeight> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    const pending: Promise<void>[] = [];
    const byKind = Object.fromEntries(KINDS.map((kind) => [kind, {raw: 0, gzip: 0}])) as Record<
      Kind,
      {raw: number; gzip: number}
    >;
    let requests = 0;
    page.on('response', (response) => {
      requests += 1;
      const kind = kindOf(response.request().resourceType(), response.url());
      pending.push(
        response
          .body()
          .then((body) => {
            byKind[kind].raw += body.length;
            byKind[kind].gzip += zlib.gzipSync(body, {level: 9}).length;
          })
          .catch(() => undefined),
      );
    });
    await page.goto(url, {waitUntil: 'networkidle', timeout: 60_000});
    await Promise.all(pending);
    return {requests, byKind};
  } finally {
    await browser.close();
  }
}

function chromePath(): string {
  const options = chromiumLaunchOptions();
  return process.env.CHROME_PATH ?? options.executablePath ?? chromium.executablePath();
}

/** Like run(), without blocking: the static server answers Lighthouse from this same process. */
function runAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {cwd, env, timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024},
      (error, _stdout, stderr) => {
        if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr || error.message}`));
        } else {
          resolve();
        }
      },
    );
  });
}

async function lighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseResult> {
  const output = path.join(os.tmpdir(), `rfpd-lighthouse-${process.pid}-${formFactor}.json`);
  const flags = ['--headless=new', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])].join(' ');
  await runAsync(
    process.execPath,
    [
      require.resolve('lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${output}`,
      `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ],
    ROOT,
    {...process.env, CHROME_PATH: chromePath()},
  );
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {
    categories: Record<string, {score: number | null}>;
    audits: Record<string, {numericValue?: number}>;
  };
  fs.rmSync(output, {force: true});
  const score = (id: string): number => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
  };
}

function longestChapter(buildDir: string): string {
  const sitemap = fs.readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1]!).pathname)
    .filter((pathname) => pathname !== '/' && pathname !== '/search');
  const sized = pages.map((pathname) => ({pathname, size: fs.statSync(path.join(buildDir, `${pathname}.html`)).size}));
  return sized.sort((a, b) => b.size - a.size)[0]!.pathname;
}

async function measureSite(
  site: 'book' | 'stock',
  buildDir: string,
  pages: ReadonlyArray<{label: string; path: string}>,
  options: Options,
): Promise<Measured[]> {
  const server = await serve(buildDir);
  try {
    const results: Measured[] = [];
    for (const page of pages) {
      const url = `${server.origin}${page.path}`;
      console.log(`bench: ${site} ${page.path}`);
      const weight = await measureWeight(url);
      results.push({
        site,
        label: page.label,
        url: page.path,
        weight,
        ...(options.lighthouse
          ? {mobile: await lighthouse(url, 'mobile'), desktop: await lighthouse(url, 'desktop')}
          : {}),
      });
    }
    return results;
  } finally {
    await server.close();
  }
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function printTable(results: readonly Measured[]): void {
  const header = ['page', 'req', ...KINDS.map((kind) => `${kind} raw/gz KiB`), 'total gz KiB'];
  const rows = results.map((result) => [
    `${result.site} ${result.url}`,
    String(result.weight.requests),
    ...KINDS.map((kind) => `${kb(result.weight.byKind[kind].raw)}/${kb(result.weight.byKind[kind].gzip)}`),
    kb(KINDS.reduce((sum, kind) => sum + result.weight.byKind[kind].gzip, 0)),
  ]);
  printRows('Bytes loaded on a first visit (gz: gzip -9 of each response)', header, rows);

  if (results.some((result) => result.mobile)) {
    const scoreRow = (result: Measured, form: 'mobile' | 'desktop'): string[] => {
      const lh = result[form]!;
      return [
        `${result.site} ${result.url}`,
        form,
        String(lh.performance),
        String(lh.accessibility),
        String(lh.bestPractices),
        String(lh.seo),
        `${Math.round(lh.lcpMs)} ms`,
        `${Math.round(lh.tbtMs)} ms`,
        lh.cls.toFixed(3),
      ];
    };
    printRows(
      'Lighthouse (simulated throttling; mobile = Moto G Power on slow 4G)',
      ['page', 'form', 'perf', 'a11y', 'best', 'seo', 'LCP', 'TBT', 'CLS'],
      results.flatMap((result) => [scoreRow(result, 'mobile'), scoreRow(result, 'desktop')]),
    );
  }

  const stock = results.find((result) => result.site === 'stock');
  const chapter = results.find((result) => result.label === 'longest chapter');
  if (stock && chapter) {
    const ratio = chapter.weight.byKind.js.gzip / stock.weight.byKind.js.gzip;
    console.log(
      `\nChapter JS (gzip) vs stock docs page: ${kb(chapter.weight.byKind.js.gzip)} / ${kb(stock.weight.byKind.js.gzip)} KiB = ${ratio.toFixed(2)}× ` +
        (ratio <= 1 ? '(within budget)' : '(OVER budget: no heavier than stock)'),
    );
  }
  for (const result of results.filter((entry) => entry.site === 'book' && entry.mobile)) {
    const misses = [
      ...(result.mobile!.performance < 98 ? [`mobile performance ${result.mobile!.performance} < 98`] : []),
      ...(result.mobile!.accessibility < 100 ? [`mobile accessibility ${result.mobile!.accessibility} < 100`] : []),
    ];
    if (misses.length > 0) {
      console.log(`${result.url}: budget missed: ${misses.join('; ')}`);
    }
  }
}

function printRows(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(header)}\n| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) {
    console.log(line(row));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(options.buildDir, 'index.html'))) {
    throw new Error(`${options.buildDir}/index.html is missing: run \`npm run build\` first`);
  }
  const results = await measureSite(
    'book',
    options.buildDir,
    [
      {label: 'cover', path: '/'},
      {label: 'longest chapter', path: longestChapter(options.buildDir)},
      {label: 'search', path: '/search'},
    ],
    options,
  );
  if (options.stock) {
    results.push(
      ...(await measureSite('stock', stockBuild(), [{label: 'stock docs page', path: '/docs/intro'}], options)),
    );
  }
  printTable(results);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
