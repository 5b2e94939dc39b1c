/**
 * Validates every page of the built site with the Nu HTML Checker (vnu-jar,
 * run with the machine's Java, 11 or newer: its classes are Java 11 bytecode): 0 errors or it fails. Warnings are counted
 * and printed, not fatal.
 *
 *   npx tsx tools/validateHtml.ts [build-dir]     (npm run lint:html)
 *
 * Upstream Docusaurus messages in KNOWN_UPSTREAM are accepted, each narrowly
 * (exact message and a marker of the markup that causes it) and each counted
 * in the output, so nothing is filtered silently; an entry that no longer
 * matches anything fails the check until it is removed.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

interface VnuMessage {
  readonly type: 'error' | 'info' | 'non-document-error';
  readonly subType?: 'warning' | 'fatal' | 'internal' | 'io' | 'schema';
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

interface KnownUpstream {
  readonly message: string;
  /** The error is accepted only when the offending markup matches this. */
  readonly extractMatches: RegExp;
  readonly why: string;
}

// Empty since code is highlighted at build time (src/remark/highlightCode.ts): the theme's
// <div class="token-line"> inside <code> is gone. Add an entry only for an error that is
// Docusaurus's to fix, with markup narrow enough to match nothing of ours.
const KNOWN_UPSTREAM: readonly KnownUpstream[] = [];

function usage(): never {
  console.log(`Usage: npx tsx tools/validateHtml.ts [build-dir]

Validates build-dir/**/*.html (default: build) with the Nu HTML Checker.
Exits 1 on any error other than the known upstream ones listed in the script.`);
  process.exit(0);
}

function main(): void {
  const argument = process.argv[2];
  if (argument === '--help' || argument === '-h') {
    usage();
  }
  const buildDir = path.resolve(argument ?? 'build');
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) {
    console.error(`${buildDir}/index.html: missing; build the site first (npm run build)`);
    process.exit(1);
  }
  const vnuJar = createRequire(__filename)('vnu-jar') as string;
  const run = spawnSync('java', ['-Xss8m', '-jar', vnuJar, '--format', 'json', '--skip-non-html', buildDir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  if (run.error) {
    console.error(
      `could not run java (${run.error.message}): install a Java runtime, 11 or newer (Debian: default-jre-headless)`,
    );
    process.exit(1);
  }
  const {messages} = JSON.parse(run.stderr) as {messages: VnuMessage[]};
  const accepted = new Map<string, number>();
  const errors: VnuMessage[] = [];
  let warnings = 0;
  for (const message of messages) {
    if (message.type === 'info') {
      warnings += message.subType === 'warning' ? 1 : 0;
      continue;
    }
    const known = KNOWN_UPSTREAM.find(
      (entry) => message.message === entry.message && entry.extractMatches.test(message.extract ?? ''),
    );
    if (known) {
      accepted.set(known.why, (accepted.get(known.why) ?? 0) + 1);
      continue;
    }
    errors.push(message);
  }
  for (const error of errors) {
    const file = error.url ? path.relative(process.cwd(), new URL(error.url).pathname) : '(checker)';
    console.log(`${file}:${error.lastLine ?? 0}:${error.firstColumn ?? 0}: ${error.message}`);
    if (error.extract) {
      console.log(`    ${error.extract.replace(/\s+/g, ' ').trim()}`);
    }
  }
  const pages = fs
    .readdirSync(buildDir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html')).length;
  console.log(`\n${pages} pages: ${errors.length} errors, ${warnings} warnings`);
  for (const [why, count] of accepted) {
    console.log(`  accepted as known upstream (see tools/validateHtml.ts): ${count} × ${why}`);
  }
  // An entry that matches nothing no longer describes the site: it would hide the next real error
  // of that kind. Fail until it is removed.
  const stale = KNOWN_UPSTREAM.filter((entry) => !accepted.has(entry.why));
  for (const entry of stale) {
    console.log(
      `tools/validateHtml.ts: the accepted upstream error "${entry.why}" no longer occurs; remove it from KNOWN_UPSTREAM`,
    );
  }
  process.exit(errors.length === 0 && stale.length === 0 ? 0 : 1);
}

main();
