/**
 * `npm run pdf`: the whole book as one PDF, written into the build
 * (build/rust-for-python-developers.pdf), which the cover links to and the
 * deploy publishes. Run `npm run pdf -- --help` for the tasks and options.
 *
 * Chromium (the one the end-to-end tests drive, tests/e2e/browser.ts) prints
 * one HTML document of the whole book that tools/pdf/assembleBook.ts puts
 * together from the build, served on 127.0.0.1 so that the site's
 * stylesheets, fonts and images load as they do for a reader.
 */
import fs from 'node:fs';
import path from 'node:path';

import {chromium, type Browser} from '@playwright/test';

import {BOOK_PDF_FILE, BOOK_PDF_MAX_BYTES} from '../../src/data/bookPdf';
import {chromiumLaunchOptions} from '../../tests/e2e/browser';
import {serveBuild, type ServedBuild} from '../serveBuild';
import {assembleBook, readBookSite, type BookSite, type PageNumbers} from './assembleBook';
import {findStartPages, pdfPageTexts, samePageNumbers} from './pageNumbers';

const ROOT = path.resolve(__dirname, '../..');
/** Printing the book takes about a minute on two busy cores; past this, something is stuck. */
const TIME_LIMIT_MS = 15 * 60_000;
/** Printings with page numbers before giving up on the numbers settling (they settle on the first). */
const MAX_NUMBERING_PASSES = 3;

interface Options {
  readonly buildDir: string;
  readonly out: string;
  readonly html?: string;
}

function usage(): string {
  return `Usage: npm run pdf -- [options]

Makes one PDF of the whole book from a production build, in reading order.

Tasks, in order:
  1. read the order of parts and chapters from the cover's contents (<build>/index.html)
     and check that it lists every chapter of <build>/sitemap.xml
  2. assemble one HTML document: a cover, the contents, a page per part, and each chapter's
     content with its ids prefixed, links between chapters pointing inside the PDF, and its
     quiz answers moved to the end of the chapter
  3. serve <build> on 127.0.0.1 and print the document with Chromium (A4, page numbers in
     the footer)
  4. read back where each part and chapter starts with pdftotext (poppler-utils), and print
     again with those page numbers in the contents (skipped, with a warning, without pdftotext)

Options:
  --build-dir DIR   the build to read (default: build); BASE_URL does not matter, the build says
                    which base URL it was made for
  --out FILE        where to write the PDF (default: <build>/${BOOK_PDF_FILE})
  --html FILE       also write the assembled HTML document, to look at the layout in a browser
  --help            this text`;
}

function parseOptions(argv: readonly string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    process.exit(0);
  }
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index]!;
    if (!['--build-dir', '--out', '--html'].includes(name)) {
      throw new Error(`unknown option ${name}; see npm run pdf -- --help`);
    }
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) {
      throw new Error(`${name} needs a value; see npm run pdf -- --help`);
    }
    values.set(name, value);
    index += 1;
  }
  const buildDir = path.resolve(ROOT, values.get('--build-dir') ?? 'build');
  const html = values.get('--html');
  return {
    buildDir,
    out: path.resolve(ROOT, values.get('--out') ?? path.join(buildDir, BOOK_PDF_FILE)),
    ...(html ? {html: path.resolve(ROOT, html)} : {}),
  };
}

/** Prints one HTML document, served from the site's own origin so its stylesheets and images load. */
async function printDocument(browser: Browser, served: ServedBuild, html: string, pdfPath: string): Promise<void> {
  const context = await browser.newContext({colorScheme: 'light', serviceWorkers: 'block'});
  try {
    const page = await context.newPage();
    // An address no file of the build has: the document exists only in this page.
    const documentUrl = `${served.siteUrl}__whole-book-for-pdf`;
    await page.route(documentUrl, (route) =>
      route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: html}),
    );
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) {
        failed.push(`${response.url()}: HTTP ${response.status()}`);
      }
    });
    await page.goto(documentUrl, {waitUntil: 'load', timeout: 5 * 60_000});
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (failed.length > 0) {
      throw new Error(`the assembled book could not load everything it needs:\n  ${failed.join('\n  ')}`);
    }
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      printBackground: true,
      // 80 %: body text near 10 pt, and about 90 characters of code to a line before it wraps.
      scale: 0.8,
      // Not `tagged` (nor `outline`, which needs it): the structure tree doubled the file, to 14 MB
      // for 15 chapters; the contents link to every part and chapter instead of bookmarks.
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8pt;text-align:center;color:#555"><span class="pageNumber"></span></div>',
      margin: {top: '15mm', bottom: '18mm', left: '16mm', right: '16mm'},
    });
  } finally {
    await context.close();
  }
}

function pageCountOf(pdfPath: string, pages: readonly string[] | undefined): number {
  if (pages) {
    return pages.length;
  }
  return (fs.readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function makeBookPdf(options: Options): Promise<void> {
  const started = Date.now();
  const site: BookSite = readBookSite(options.buildDir);
  const chapters = site.parts.reduce((sum, part) => sum + part.chapters.length, 0);
  console.log(
    `pdf: ${chapters} chapters in ${site.parts.length} parts from ${path.relative(ROOT, options.buildDir) || '.'}/ (base URL ${site.baseUrl})`,
  );
  const madeOn = new Date();
  let book = assembleBook(options.buildDir, site, madeOn);
  fs.mkdirSync(path.dirname(options.out), {recursive: true});

  const served = await serveBuild(options.buildDir, site.baseUrl);
  const browser = await chromium.launch(chromiumLaunchOptions());
  let pages: string[] | undefined;
  try {
    await printDocument(browser, served, book.html, options.out);
    pages = pdfPageTexts(options.out);
    if (!pages) {
      console.warn(
        'pdf: pdftotext is missing (Debian: apt-get install poppler-utils): the contents link to each chapter without page numbers',
      );
    } else {
      let numbers: PageNumbers = findStartPages(pages, site);
      for (let pass = 1; ; pass += 1) {
        book = assembleBook(options.buildDir, site, madeOn, numbers);
        await printDocument(browser, served, book.html, options.out);
        pages = pdfPageTexts(options.out)!;
        const printed = findStartPages(pages, site);
        if (samePageNumbers(printed, numbers)) {
          break;
        }
        if (pass === MAX_NUMBERING_PASSES) {
          throw new Error(`the page numbers in the contents did not settle after ${pass} printings`);
        }
        numbers = printed;
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  if (options.html) {
    fs.writeFileSync(options.html, book.html);
    console.log(`pdf: wrote the assembled document to ${path.relative(ROOT, options.html)}`);
  }
  const bytes = fs.statSync(options.out).size;
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  console.log(
    `pdf: wrote ${path.relative(ROOT, options.out)}: ${pageCountOf(options.out, pages)} pages, ${megabytes} MiB ` +
      `(${Math.round((Date.now() - started) / 1000)} s)`,
  );
  if (bytes > BOOK_PDF_MAX_BYTES) {
    console.warn(
      `pdf: the PDF is over the ${BOOK_PDF_MAX_BYTES / (1024 * 1024)} MiB budget; look for large images or fonts`,
    );
  }
}

const watchdog = setTimeout(() => {
  console.error(`pdf: gave up after ${TIME_LIMIT_MS / 60_000} minutes; Chromium may be stuck`);
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

makeBookPdf(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
  console.error(`pdf: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
