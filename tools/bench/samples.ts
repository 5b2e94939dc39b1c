/**
 * `npm run bench:samples`: how long the sample verifier takes, cold and warm.
 * Not a test: it prints timings and the number of samples by kind.
 *
 * Three runs over the same pages, in a fresh cache folder of its own (your
 * target/verify-samples/ is left alone):
 *   1. cold, nothing built: cargo compiles the sample crates and the Python
 *      venv is made (crates.io downloads and pip's wheels come from their
 *      local caches when present), then every sample is checked;
 *   2. cold, crates and venv built: the verdict cache is emptied, every
 *      sample is checked again;
 *   3. warm: nothing changed, every verdict comes from the cache.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

import {SAMPLE_KINDS} from '../verify-samples/verdicts';
import {findRepoRoot} from '../verify-samples/toolchains';
import {defaultJobs, tally, verifySamples, type VerifyReport} from '../verify-samples/verifySamples';

const HELP = `Usage: npm run bench:samples -- [--jobs N] [--keep] [page-or-folder ...]

Times the sample verifier on docs/ (or the pages given): cold with nothing
built, cold with the crates and venv built, and warm (all from cache).

Options:
  --jobs N   samples checked at once (default: ${defaultJobs()})
  --keep     keep the benchmark's cache folder and print where it is
  --help     print this text`;

async function timed(label: string, run: () => Promise<VerifyReport>): Promise<VerifyReport> {
  const started = process.hrtime.bigint();
  const report = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const counts = tally(report.verdicts);
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s   ${counts.passed} passed, ${counts.failed} failed, ${counts.cached} from cache`,
  );
  return report;
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {jobs: {type: 'string'}, keep: {type: 'boolean', default: false}, help: {type: 'boolean', default: false}},
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const repoRoot = findRepoRoot();
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  const paths = positionals.length > 0 ? positionals.map((given) => path.resolve(given)) : ['docs'];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-samples-'));
  const run = () => verifySamples({repoRoot, paths, jobs, useCache: true, cacheDir});

  console.log(
    `bench:samples on ${paths.map((given) => path.relative(repoRoot, path.resolve(repoRoot, given)) || '.').join(', ')} with ${jobs} jobs, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  try {
    await timed('1. cold, crates and venv not built', run);
    fs.rmSync(path.join(cacheDir, 'verdicts'), {recursive: true, force: true});
    await timed('2. cold, crates and venv already built', run);
    const report = await timed('3. warm (no change since run 2)', run);
    const counts = tally(report.verdicts);
    console.log(`samples by kind: ${SAMPLE_KINDS.map((kind) => `${kind} ${counts.byKind[kind]}`).join(', ')}`);
    console.log(`toolchains: ${report.versions.join(' · ')}`);
  } finally {
    if (values.keep) {
      console.log(`cache kept in ${cacheDir}`);
    } else {
      fs.rmSync(cacheDir, {recursive: true, force: true});
    }
  }
}

main().catch((error: unknown) => {
  console.error(`bench:samples: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
