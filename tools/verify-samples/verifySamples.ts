/**
 * The sample verifier as a library: used by the CLI (verify.ts), the unit
 * tests and the benchmark.
 *
 * Takes pages (or folders of pages); gives one verdict per sample and per
 * authoring problem. Passing verdicts of Rust and Python samples are cached
 * under a hash of everything that decides them (code, attributes, expected
 * output and error, toolchain versions, crate and package locks, the
 * verifier's own source), so an unchanged sample is not checked twice.
 * Samples that miss the cache run in a small pool of workers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {readInclude} from '../../src/samples/regions';
import type {SampleAttributes} from '../../src/samples/fence';
import {type AuthoringProblem, type Sample, extractSamples} from '../../src/samples/page';
import {
  SAMPLE_KINDS,
  type SampleKind,
  sampleKind,
  sampleLabel,
  type SampleProblem,
  type SampleVerdict,
} from './verdicts';
import {
  buildSampleCrates,
  findPythonToolchain,
  findRustToolchain,
  preparePythonEnv,
  type PythonToolchain,
  type RustToolchain,
  VERIFIER_DIR,
} from './toolchains';
import {sampleKey, verifierCodeVersion} from './cacheKey';
import {verifyPythonSample} from './verifyPythonSample';
import {DEFAULT_TIMEOUTS, type Timeouts, verifyRustSample} from './verifyRustSample';

export interface VerifyOptions {
  /** The repository root (holds tools/verify-samples/); paths print relative to it. */
  readonly repoRoot: string;
  /** Pages or folders to check; relative ones are taken from the repository root. */
  readonly paths: readonly string[];
  /** Samples checked at once. */
  readonly jobs: number;
  /** Reuse and record passing verdicts. */
  readonly useCache: boolean;
  /** Verdicts, the crates' target folder and the venv live here. */
  readonly cacheDir: string;
  /** Where `file="examples/…"` paths are resolved; the repository root by default. */
  readonly includeRoot?: string;
  readonly timeouts?: Timeouts;
  /** Progress messages (setup steps); silent by default. */
  readonly log?: (line: string) => void;
  /** Called as each verdict is known. */
  readonly onVerdict?: (verdict: SampleVerdict) => void;
}

export interface VerifyReport {
  readonly verdicts: readonly SampleVerdict[];
  /** Toolchain versions used (only those that were needed). */
  readonly versions: readonly string[];
  readonly pages: number;
  readonly durationMs: number;
}

const PAGE_EXTENSIONS = new Set(['.md', '.mdx']);

/** Every .md/.mdx page under the given paths, sorted, each once. */
export function findPages(repoRoot: string, paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (entry: string) => {
    const stat = fs.statSync(entry, {throwIfNoEntry: false});
    if (!stat) {
      throw new Error(`${path.relative(repoRoot, entry) || entry}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) {
        if (!name.startsWith('.') && name !== 'node_modules') {
          const child = path.join(entry, name);
          if (fs.statSync(child).isDirectory() || PAGE_EXTENSIONS.has(path.extname(name))) {
            walk(child);
          }
        }
      }
    } else {
      found.add(entry);
    }
  };
  for (const given of paths) {
    walk(path.resolve(repoRoot, given));
  }
  return [...found].sort();
}

class VerdictCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    private readonly enabled: boolean,
  ) {
    this.dir = path.join(cacheDir, 'verdicts');
  }

  has(key: string): boolean {
    return this.enabled && fs.existsSync(path.join(this.dir, key.slice(0, 2), key));
  }

  recordPass(key: string): void {
    if (!this.enabled) return;
    const file = path.join(this.dir, key.slice(0, 2), key);
    fs.mkdirSync(path.dirname(file), {recursive: true});
    fs.writeFileSync(file, '');
  }
}

/** Checks an included sample without running it: the file and its region exist, the fence is empty. */
function checkIncludedSample(
  sample: Sample,
  mode: {file: string; region?: string},
  includeRoot: string,
): SampleProblem[] {
  const included = readInclude({
    root: includeRoot,
    file: mode.file,
    ...(mode.region === undefined ? {} : {region: mode.region}),
    body: sample.code,
    sample: true,
  });
  return included.ok ? [] : [{what: included.what, todo: included.todo}];
}

/** Runs `work` over `items` with at most `jobs` at once, in order of start. */
async function inPool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(jobs, items.length))}, worker));
}

interface PendingSample {
  readonly sample: Sample;
  readonly attributes: SampleAttributes;
  readonly key: string;
}

function authoringVerdict(problem: AuthoringProblem): SampleVerdict {
  return {
    file: problem.file,
    line: problem.line,
    kind: 'invalid',
    label: '',
    problems: [{what: problem.message, todo: ''}],
    cached: false,
    durationMs: 0,
  };
}

export async function verifySamples(options: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const includeRoot = options.includeRoot ?? options.repoRoot;
  const verdicts: SampleVerdict[] = [];
  const record = (verdict: SampleVerdict) => {
    verdicts.push(verdict);
    options.onVerdict?.(verdict);
  };

  const pages = findPages(options.repoRoot, options.paths);
  const rust: Sample[] = [];
  const python: Sample[] = [];
  const attributesOf = new Map<Sample, SampleAttributes>();
  for (const page of pages) {
    const display = path.relative(options.repoRoot, page) || page;
    const {samples, problems} = extractSamples(fs.readFileSync(page, 'utf8'), display);
    problems.forEach((problem) => {
      record(authoringVerdict(problem));
    });
    for (const sample of samples) {
      if (!sample.attributes.ok) {
        record({
          file: sample.file,
          line: sample.line,
          kind: 'invalid',
          label: `\`${sample.language} ${sample.meta}\` fence:`,
          problems: [{what: sample.attributes.message, todo: ''}],
          cached: false,
          durationMs: 0,
        });
        continue;
      }
      const attributes = sample.attributes.value;
      const base = {
        file: sample.file,
        line: sample.line,
        kind: sampleKind(attributes),
        label: sampleLabel(attributes),
        cached: false,
        durationMs: 0,
      };
      if (attributes.mode.kind === 'ignore') {
        record({...base, problems: []});
      } else if (attributes.mode.kind === 'include') {
        record({...base, problems: checkIncludedSample(sample, attributes.mode, includeRoot)});
      } else {
        attributesOf.set(sample, attributes);
        (attributes.language === 'rust' ? rust : python).push(sample);
      }
    }
  }

  const cache = new VerdictCache(options.cacheDir, options.useCache);
  const code = rust.length + python.length > 0 ? verifierCodeVersion(options.repoRoot, VERIFIER_DIR) : '';
  const keyOf = (sample: Sample, toolchain: string) =>
    sampleKey({
      code,
      toolchain,
      attributes: attributesOf.get(sample)!,
      sourceCode: sample.code,
      ...(sample.output ? {output: sample.output.text} : {}),
      ...(sample.error ? {error: sample.error.text} : {}),
    });
  const versions: string[] = [];
  const pending: PendingSample[] = [];
  const takeFromCache = (samples: readonly Sample[], fingerprint: string) => {
    for (const sample of samples) {
      const attributes = attributesOf.get(sample)!;
      const key = keyOf(sample, fingerprint);
      if (cache.has(key)) {
        record({
          file: sample.file,
          line: sample.line,
          kind: sampleKind(attributes),
          label: sampleLabel(attributes),
          problems: [],
          cached: true,
          durationMs: 0,
        });
      } else {
        pending.push({sample, attributes, key});
      }
    }
  };

  let rustToolchain: RustToolchain | undefined;
  if (rust.length > 0) {
    rustToolchain = await findRustToolchain(options.repoRoot);
    versions.push(...rustToolchain.versions);
    takeFromCache(rust, rustToolchain.fingerprint);
  }
  let pythonToolchain: PythonToolchain | undefined;
  if (python.length > 0) {
    pythonToolchain = await findPythonToolchain(options.repoRoot, options.cacheDir);
    versions.push(pythonToolchain.version, pythonToolchain.ruffVersion);
    takeFromCache(python, pythonToolchain.fingerprint);
  }

  const rustPending = pending.some((item) => item.attributes.language === 'rust');
  const pythonPending = pending.some((item) => item.attributes.language === 'python');
  fs.mkdirSync(options.cacheDir, {recursive: true});
  if (rustPending) log('building the sample crates (cargo does nothing when they are fresh)…');
  const [crates, pythonEnv] = await Promise.all([
    rustPending ? buildSampleCrates(options.repoRoot, rustToolchain!) : undefined,
    pythonPending ? preparePythonEnv(options.repoRoot, pythonToolchain!, log) : undefined,
  ]);

  // Slow kinds first, so that the pool does not end on one long compile.
  const order = (item: PendingSample) => (item.attributes.language === 'rust' ? 0 : 1);
  const queue = [...pending].sort((a, b) => order(a) - order(b));
  await inPool(queue, options.jobs, async ({sample, attributes, key}) => {
    const begun = Date.now();
    let problems: SampleProblem[];
    try {
      problems =
        attributes.language === 'rust'
          ? await verifyRustSample(sample, attributes, {
              repoRoot: options.repoRoot,
              toolchain: rustToolchain!,
              crates: crates!,
              timeouts,
            })
          : await verifyPythonSample(sample, attributes, {repoRoot: options.repoRoot, env: pythonEnv!, timeouts});
    } catch (error) {
      problems = [
        {
          what: 'could not be checked',
          todo: 'see the error below',
          details: error instanceof Error ? (error.stack ?? error.message) : String(error),
        },
      ];
    }
    if (problems.length === 0) {
      cache.recordPass(key);
    }
    record({
      file: sample.file,
      line: sample.line,
      kind: sampleKind(attributes),
      label: sampleLabel(attributes),
      problems,
      cached: false,
      durationMs: Date.now() - begun,
    });
  });

  verdicts.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {verdicts, versions, pages: pages.length, durationMs: Date.now() - started};
}

export interface Tally {
  readonly passed: number;
  readonly failed: number;
  readonly byKind: Readonly<Record<SampleKind, number>>;
  readonly cached: number;
}

export function tally(verdicts: readonly SampleVerdict[]): Tally {
  const byKind = Object.fromEntries(SAMPLE_KINDS.map((kind) => [kind, 0])) as Record<SampleKind, number>;
  let passed = 0;
  let cached = 0;
  for (const verdict of verdicts) {
    byKind[verdict.kind] += 1;
    if (verdict.problems.length === 0) passed += 1;
    if (verdict.cached) cached += 1;
  }
  return {passed, failed: verdicts.length - passed, byKind, cached};
}

/**
 * `samples: 42 passed, 0 failed (rust run 10, no_run 2, …, included 3)` and,
 * alone on the last line for CI, `42 passed, 0 failed`.
 */
export function summaryLines(report: VerifyReport): string[] {
  const counts = tally(report.verdicts);
  const kinds = SAMPLE_KINDS.filter((kind) => kind !== 'invalid' || counts.byKind.invalid > 0)
    .map((kind) => `${kind} ${counts.byKind[kind]}`)
    .join(', ');
  return [
    `samples: ${counts.passed} passed, ${counts.failed} failed (${kinds})`,
    `${counts.passed} passed, ${counts.failed} failed`,
  ];
}

export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}
