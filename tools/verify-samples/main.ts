/**
 * `npm run verify-samples`: checks every ```rust and ```python sample of the
 * book with the real, pinned toolchains. See CONTRIBUTING.md for the fence
 * syntax, and `--help` for the options.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

import {extractSamples} from '../../src/samples/page';
import {formatVerdict, sampleKind, sampleLabel, type SampleVerdict} from './verdicts';
import {defaultCacheDir, findRepoRoot} from './toolchains';
import {defaultJobs, findPages, summaryLines, tally, verifySamples} from './verifySamples';

const HELP = `Usage: npm run verify-samples -- [options] [page-or-folder ...]

Checks the book's code samples with the real toolchains: every \`\`\`rust and
\`\`\`python fence in docs/**/*.md(x) (or in the pages and folders given),
including fences inside JSX such as <CodeCompare>. Rust samples compile (and
run, unless no_run) with the rustc of rust-toolchain.toml and pass rustfmt and
clippy; Python samples run with the Python of .python-version and pass ruff.
A \`\`\`text output block must equal the sample's stdout; a \`\`\`text error block
must appear in its stderr. The syntax is in CONTRIBUTING.md.

Tasks:
  (default)        check the samples; exit 1 if any fails
  --list           list the samples found, with their kind, without checking

Options:
  --jobs N         samples checked at once (default: ${defaultJobs()}, the number of cores)
  --no-cache       check every sample again instead of trusting cached passes
  --verbose        print every sample as it is checked, with its time
  --help           print this text

Examples:
  npm run verify-samples
  npm run verify-samples -- docs/foundations/01-welcome.mdx
  npm run verify-samples -- --no-cache --jobs 1 docs/under-the-hood

Failures print as \`path:line: what is wrong; what to do\`, the line being that
of the sample's opening fence, with the compiler output, traceback or diff
below. Passing verdicts are cached in target/verify-samples/
(with the built crates and the Python venv); delete it to start afresh.`;

function listSamples(repoRoot: string, paths: readonly string[]): number {
  let count = 0;
  for (const page of findPages(repoRoot, paths)) {
    const display = path.relative(repoRoot, page);
    const {samples, problems} = extractSamples(fs.readFileSync(page, 'utf8'), display);
    for (const sample of samples) {
      const what = sample.attributes.ok
        ? `${sampleKind(sample.attributes.value)}: ${sampleLabel(sample.attributes.value)}`
        : `invalid: ${sample.attributes.message}`;
      const blocks = [sample.output ? 'output' : '', sample.error ? 'error' : ''].filter(Boolean).join(' + ');
      console.log(`${sample.file}:${sample.line}: ${what}${blocks ? ` (with ${blocks} block)` : ''}`);
      count += 1;
    }
    for (const problem of problems) {
      console.log(`${problem.file}:${problem.line}: invalid: ${problem.message}`);
    }
  }
  console.log(`${count} samples`);
  return 0;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        jobs: {type: 'string'},
        'no-cache': {type: 'boolean', default: false},
        list: {type: 'boolean', default: false},
        verbose: {type: 'boolean', default: false},
        help: {type: 'boolean', default: false},
      },
    });
  } catch (error) {
    console.error(`verify-samples: ${(error as Error).message}; see --help`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`verify-samples: --jobs takes a whole number of at least 1, not "${values.jobs}"`);
    return 2;
  }
  const repoRoot = findRepoRoot();
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const invokedFrom = process.env.INIT_CWD ?? process.cwd();
  const paths = positionals.length > 0 ? positionals.map((given) => path.resolve(invokedFrom, given)) : ['docs'];
  if (values.list) {
    return listSamples(repoRoot, paths);
  }

  const onVerdict = values.verbose
    ? (verdict: SampleVerdict) => {
        const state = verdict.problems.length > 0 ? 'FAIL' : verdict.cached ? 'cached' : 'ok';
        const time = verdict.cached || verdict.durationMs === 0 ? '' : ` (${seconds(verdict.durationMs)})`;
        console.log(`${state.padEnd(6)} ${verdict.file}:${verdict.line} ${verdict.kind}${time}`);
      }
    : undefined;
  const report = await verifySamples({
    repoRoot,
    paths,
    jobs,
    useCache: !values['no-cache'],
    cacheDir: defaultCacheDir(repoRoot),
    log: (line) => {
      console.log(`verify-samples: ${line}`);
    },
    ...(onVerdict ? {onVerdict} : {}),
  });

  if (report.versions.length > 0) {
    console.log(`toolchains: ${report.versions.join(' · ')}`);
  }
  const failed = report.verdicts.filter((verdict) => verdict.problems.length > 0);
  if (failed.length > 0) {
    console.log('');
    for (const verdict of failed) {
      console.log(formatVerdict(verdict));
      console.log('');
    }
  }
  const counts = tally(report.verdicts);
  console.log(
    `checked ${report.verdicts.length} samples in ${report.pages} pages in ${seconds(report.durationMs)} (${counts.cached} from cache, ${jobs} jobs)`,
  );
  for (const line of summaryLines(report)) {
    console.log(line);
  }
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`verify-samples: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
