/**
 * Checks one ```rust sample with the pinned toolchain.
 *
 * Takes a sample (its full code, hidden lines included) and its attributes;
 * gives its problems, empty when it passes. In order: `rustfmt` on the code,
 * then one compile — with clippy-driver (rustc plus clippy's lints, so one
 * pass both builds and lints) for samples that must compile, with plain
 * rustc for `compile_fail` — then a run for `run` and `should_panic`, then
 * the ```text output / ```text error blocks against what really happened.
 *
 * A sample without `fn main` is wrapped as rustdoc wraps a doctest: leading
 * `#![…]` crate attributes, `extern crate` lines and comments stay outside,
 * the rest goes inside `fn main() { … }` (inside a function returning
 * `Result` when the code ends in `(())`, so `?` works), and `unused` lints
 * are allowed (rustdoc adds `#![allow(unused)]`; the verifier passes
 * `-A unused`, which a sample's own attributes override). rustc is told the
 * wrapper's line offset (the env variables rustdoc itself uses), so its
 * diagnostics say `src/main.rs:LINE` with LINE counted in the sample's full
 * code; panic locations are corrected the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {prepareRustProgram, type RustProgram, unwrapFormatted} from '../../src/samples/rustProgram';
import {type SampleAttributes, splitHiddenLines} from '../../src/samples/fence';
import type {Sample} from '../../src/samples/page';
import {describeEnding, type ProcessOutcome, runProcess, stoppedProblem} from './processes';
import type {SampleProblem} from './verdicts';
import {errorBlockProblem, linesDifferProblem, outputProblem} from './resultBlocks';
import {normaliseLines, unifiedDiff, withoutThreadIds} from './textCompare';
import {
  CLIPPY_CONFIG_DIR,
  RUSTFMT_CONFIG,
  type RustToolchain,
  SAMPLE_CRATES_MANIFEST,
  type SampleCrates,
} from './toolchains';

export interface Timeouts {
  readonly compileMs: number;
  readonly runMs: number;
  /** rustfmt, ruff. */
  readonly toolMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {compileMs: 60_000, runMs: 10_000, toolMs: 30_000};

export interface RustContext {
  readonly repoRoot: string;
  readonly toolchain: RustToolchain;
  readonly crates: SampleCrates;
  readonly timeouts: Timeouts;
}

/** The file name rustc reports, whatever temporary file the sample really is. */
export const RUST_SAMPLE_PATH = 'src/main.rs';

/** Lint levels of every Rust sample (besides clippy's defaults, which stay on). */
const LINT_FLAGS = ['-A', 'unused'];

// ------------------------------------------------------------- diagnostics

export interface Diagnostic {
  readonly level: 'error' | 'warning';
  /** `E0382`, `clippy::len_zero`, `unused_variables`, or undefined. */
  readonly code?: string;
  /** The lint the diagnostic comes from, read from its `#[deny(…)]` note, e.g. `unconditional_panic`. */
  readonly lint?: string;
  /** The diagnostic's first line, e.g. "error[E0382]: borrow of moved value: `v`". */
  readonly header: string;
  /** `src/main.rs:4:20`, when rustc gives one. */
  readonly location?: string;
}

const SUMMARY_LINE =
  /^(error: aborting due to|warning: \d+ warnings? emitted|error: could not compile|warning: build failed)/;

const DIAGNOSTIC_HEADER = /^(error|warning)(?:\[([^\]]+)\])?: /;
/** `= note: `#[deny(unconditional_panic)]` on by default` (or `implied by`, or `-D lint`). */
const LINT_NOTE = /^\s*= note: `(?:#\[(?:deny|warn|forbid)\(([\w:]+)\)\]|-[DWF] ([\w:-]+))`/;

/** The errors and warnings in rustc's human-readable output, in order. */
export function parseDiagnostics(stderr: string): Diagnostic[] {
  const lines = stderr.split('\n');
  const found: Diagnostic[] = [];
  lines.forEach((line, index) => {
    const match = DIAGNOSTIC_HEADER.exec(line);
    if (!match || SUMMARY_LINE.test(line)) {
      return;
    }
    const location = /^\s*--> (\S+)/.exec(lines[index + 1] ?? '')?.[1];
    let lint: string | undefined;
    for (let next = index + 1; next < lines.length && !DIAGNOSTIC_HEADER.test(lines[next]!); next += 1) {
      const note = LINT_NOTE.exec(lines[next]!);
      if (note) {
        lint = (note[1] ?? note[2]!).replaceAll('-', '_');
        break;
      }
    }
    found.push({
      level: match[1] as 'error' | 'warning',
      ...(match[2] === undefined ? {} : {code: match[2]}),
      ...(lint === undefined ? {} : {lint}),
      header: line,
      ...(location === undefined ? {} : {location}),
    });
  });
  return found;
}

/** What a `compile_fail=` list matches an error by: its code (`E0382`), else its lint's name. */
function failureCode(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.code !== undefined && /^E\d{4}$/.test(diagnostic.code)) {
    return diagnostic.code;
  }
  return diagnostic.lint;
}

/** "error[E0382]: borrow of moved value: `v` (src/main.rs:4:20)". */
export function describeDiagnostic(diagnostic: Diagnostic): string {
  return diagnostic.location === undefined ? diagnostic.header : `${diagnostic.header} (${diagnostic.location})`;
}

// ------------------------------------------------------------- paths

interface PathNormaliser {
  readonly tempDir: string;
  readonly depsDir: string;
}

/** Machine-specific paths in compiler and program output, made the same everywhere. */
function normaliseRustPaths(text: string, where: PathNormaliser): string {
  const home = os.homedir();
  const cargoHome = process.env.CARGO_HOME ?? path.join(home, '.cargo');
  const rustupHome = process.env.RUSTUP_HOME ?? path.join(home, '.rustup');
  const replacements: Array<[string, string]> = [
    [`${where.tempDir}/`, ''],
    [where.tempDir, '.'],
    [`${where.depsDir}/`, 'target/debug/deps/'],
    [`${cargoHome}/`, '~/.cargo/'],
    [`${rustupHome}/`, '~/.rustup/'],
  ];
  let result = text;
  for (const [from, to] of replacements) {
    result = result.split(from).join(to);
  }
  return result;
}

/** A panic inside a wrapped sample names a line of the program; give the sample's line. */
function correctPanicLines(stderr: string, program: RustProgram): string {
  if (!program.wrapped) {
    return stderr;
  }
  return stderr.replace(
    new RegExp(`(panicked at ${RUST_SAMPLE_PATH}:)(\\d+)(:\\d+)`, 'g'),
    (_, head: string, line: string, column: string) => {
      const number = Number(line);
      return `${head}${number > program.prefixLines ? number - program.lineOffset : number}${column}`;
    },
  );
}

// ------------------------------------------------------------- checks

async function checkFormatting(
  program: RustProgram,
  full: string,
  attributes: SampleAttributes,
  context: RustContext,
  tempDir: string,
): Promise<SampleProblem | undefined> {
  const configPath = path.join(context.repoRoot, RUSTFMT_CONFIG);
  const configuredWidth = Number(
    /^\s*max_width\s*=\s*(\d+)/m.exec(fs.existsSync(configPath) ? fs.readFileSync(configPath, 'utf8') : '')?.[1] ?? 100,
  );
  const args = ['--edition', attributes.edition, '--emit', 'stdout', '--quiet'];
  if (fs.existsSync(configPath)) {
    args.push('--config-path', configPath);
  }
  if (program.wrapped) {
    // The body sits 4 columns deeper inside the wrapper than on the page.
    args.push('--config', `max_width=${configuredWidth + 4}`);
  }
  const outcome = await runProcess(context.toolchain.rustfmt, args, {
    cwd: tempDir,
    input: program.formatSource,
    timeoutMs: context.timeouts.toolMs,
  });
  if (outcome.exitCode !== 0) {
    if (/<stdin>|expected|unexpected|unclosed/.test(outcome.stderr)) {
      return undefined; // Does not parse: the compiler says why, better.
    }
    return {
      what: `could not be checked by rustfmt (${describeEnding(outcome, context.timeouts.toolMs)})`,
      todo: 'see its message below',
      details: outcome.stderr,
    };
  }
  if (outcome.stdout === program.formatSource) {
    return undefined;
  }
  const formatted = unwrapFormatted(outcome.stdout, program) ?? outcome.stdout;
  const before = full.replace(/\s+$/, '').split('\n');
  const after = formatted.replace(/\n+$/, '').split('\n');
  const diff = unifiedDiff(before, after, {
    expected: 'sample (hidden lines included)',
    actual: `rustfmt --edition ${attributes.edition}`,
  });
  if (diff === '') {
    return undefined;
  }
  return {
    what: 'is not formatted the way rustfmt formats it',
    todo: `apply this change (run \`rustfmt --edition ${attributes.edition}\` on the code, hidden lines included${program.wrapped ? ', inside a fn main' : ''})`,
    details: diff,
  };
}

function externArgs(crates: SampleCrates): string[] {
  return [
    '-L',
    `dependency=${crates.depsDir}`,
    ...crates.externs.flatMap((crate) => ['--extern', `${crate.name}=${crate.rlib}`]),
  ];
}

async function compile(
  program: RustProgram,
  attributes: SampleAttributes,
  context: RustContext,
  tempDir: string,
  withClippy: boolean,
): Promise<ProcessOutcome> {
  const compiler = withClippy ? context.toolchain.clippyDriver : context.toolchain.rustc;
  const args = [
    '-',
    '--edition',
    attributes.edition,
    '--crate-name',
    'main',
    ...(attributes.mode.kind === 'test' ? ['--test'] : ['--crate-type', 'bin']),
    '--color',
    'never',
    '-o',
    path.join(tempDir, 'main'),
    ...LINT_FLAGS,
    ...externArgs(context.crates),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Read by rustc when its input is stdin, as rustdoc uses them for doctests:
    // the file name to report and how many lines to shift reported lines by.
    UNSTABLE_RUSTDOC_TEST_PATH: RUST_SAMPLE_PATH,
    UNSTABLE_RUSTDOC_TEST_LINE: String(-program.lineOffset),
    CLIPPY_CONF_DIR: path.join(context.repoRoot, CLIPPY_CONFIG_DIR),
  };
  delete env.RUSTFLAGS;
  delete env.CARGO_PRIMARY_PACKAGE;
  return runProcess(compiler, args, {cwd: tempDir, env, input: program.source, timeoutMs: context.timeouts.compileMs});
}

/** How the binary is run: a test crate one test at a time, so its report has a fixed order. */
function runArgs(attributes: SampleAttributes): string[] {
  return attributes.mode.kind === 'test' ? ['--test-threads=1'] : [];
}

/**
 * libtest's report without its opening blank line, and with what changes
 * between runs fixed: the time taken, a panicking thread's id.
 */
export function normaliseTestReport(stdout: string): string {
  return stdout
    .replace(/^\n/, '')
    .replace(/(; finished in )\d+\.\d+s$/gm, '$10.00s')
    .split('\n')
    .map(withoutThreadIds)
    .join('\n');
}

async function run(tempDir: string, context: RustContext, args: readonly string[]): Promise<ProcessOutcome> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tempDir,
    LANG: 'C.UTF-8',
    // The reader's default: a panic prints its message and a hint, no backtrace.
    RUST_BACKTRACE: '0',
  };
  return runProcess(path.join(tempDir, 'main'), args, {cwd: tempDir, env, timeoutMs: context.timeouts.runMs});
}

/** The last lines of a panic or error output, for a one-line summary. */
function panicSummary(stderr: string): string {
  const lines = normaliseLines(stderr);
  const at = lines.findIndex((line) => /^thread '.*' (\(\d+\) )?panicked at/.test(line));
  if (at === -1) {
    return lines.slice(-2).join(' ').trim();
  }
  return [lines[at], lines[at + 1]].filter(Boolean).join(' ');
}

/** Runs the binary a second time; output that changes between runs cannot be shown as its output. */
async function nondeterminismProblem(
  sample: Sample,
  attributes: SampleAttributes,
  firstStdout: string,
  tempDir: string,
  context: RustContext,
): Promise<SampleProblem | undefined> {
  if (sample.output === undefined) {
    return undefined;
  }
  const again = await run(tempDir, context, runArgs(attributes));
  const normalise = (text: string) => (attributes.mode.kind === 'test' ? normaliseTestReport(text) : text);
  return linesDifferProblem(
    normalise(firstStdout),
    normalise(again.stdout),
    {expected: 'first run', actual: 'second run'},
    {
      what: 'prints different output on each run, so no output block can be right',
      todo: "make the output deterministic (e.g. sort a HashMap's entries or use a BTreeMap), or drop the output block",
    },
  );
}

export async function verifyRustSample(
  sample: Sample,
  attributes: SampleAttributes,
  context: RustContext,
): Promise<SampleProblem[]> {
  const {mode} = attributes;
  const {full} = splitHiddenLines('rust', sample.code);
  const program = prepareRustProgram(full, {testCrate: mode.kind === 'test'});
  const problems: SampleProblem[] = [];
  if (sample.output !== undefined && (mode.kind === 'no_run' || mode.kind === 'compile_fail')) {
    problems.push({
      what: `has a \`text output\` block (line ${sample.output.line}) but a ${mode.kind} sample is never run`,
      todo:
        mode.kind === 'no_run'
          ? 'drop no_run so the output is checked, or drop the output block'
          : 'drop the output block (a `text error` block shows what rustc says)',
    });
  }
  const tempDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-samples-rs-')));
  const paths = {tempDir, depsDir: context.crates.depsDir};
  try {
    const formatting = await checkFormatting(program, full, attributes, context, tempDir);
    if (formatting) {
      problems.push(formatting);
    }

    const compiled = await compile(program, attributes, context, tempDir, mode.kind !== 'compile_fail');
    const compilerStderr = normaliseRustPaths(compiled.stderr, paths);
    const diagnostics = parseDiagnostics(compilerStderr);
    const errors = diagnostics.filter((diagnostic) => diagnostic.level === 'error');
    const rustcOutput = {name: 'rustc stderr', text: compilerStderr};

    const stoppedCompiling = stoppedProblem(compiled, context.timeouts.compileMs, {
      doing: 'compiling',
      todo: 'make the sample smaller',
      details: compilerStderr,
    });
    if (stoppedCompiling) return [...problems, stoppedCompiling];

    if (mode.kind === 'compile_fail') {
      const expected = [...new Set(mode.errorCodes)].sort();
      if (compiled.exitCode === 0) {
        problems.push({
          what: 'compiled without errors',
          todo: `it must fail with ${expected.join(', ')}: change the code so that rustc rejects it, or drop compile_fail`,
          details: compilerStderr.trim() === '' ? undefined : compilerStderr,
        });
        return problems;
      }
      const actual = [...new Set(errors.map(failureCode).filter((code): code is string => code !== undefined))].sort();
      if (actual.join(',') !== expected.join(',')) {
        const first = errors[0];
        const what =
          actual.length === 0
            ? `failed to compile with no error code (first error: ${first ? describeDiagnostic(first) : 'none found'})`
            : `failed to compile with ${actual.join(', ')}, not ${expected.join(', ')} (first error: ${describeDiagnostic(errors.find((error) => failureCode(error) !== undefined) ?? errors[0]!)})`;
        const todo =
          actual.length === 0
            ? 'compile_fail needs an error that has a code; fix the code so that rustc reports the one it should'
            : `if ${actual.join(', ')} is the lesson, write compile_fail=${actual.join(',')}; otherwise change the code so that rustc reports ${expected.join(', ')}`;
        problems.push({what, todo, details: compilerStderr});
      }
      const errorBlock = errorBlockProblem(sample, [rustcOutput]);
      if (errorBlock) problems.push(errorBlock);
      return problems;
    }

    if (compiled.exitCode !== 0) {
      const first = errors[0];
      const code = first?.code !== undefined && /^E\d{4}$/.test(first.code) ? first.code : undefined;
      const missingCrate = errors.find((error) =>
        /^error\[E04(32|33|63)\]: (unresolved import|cannot find module or crate|can't find crate|failed to resolve: use of unresolved module or unlinked crate) `(\w+)`/.test(
          error.header,
        ),
      );
      const crate = missingCrate ? /`(\w+)`/.exec(missingCrate.header)![1] : undefined;
      problems.push({
        what: `does not compile: ${first ? describeDiagnostic(first) : describeEnding(compiled, context.timeouts.compileMs)}`,
        todo:
          crate !== undefined &&
          !context.crates.externs.some((extern) => extern.name === crate) &&
          !['std', 'core', 'alloc', 'crate', 'self', 'super'].includes(crate)
            ? `if \`${crate}\` is a crate, add it to ${SAMPLE_CRATES_MANIFEST} (see CONTRIBUTING.md, "Crates and Python packages"); otherwise fix the path`
            : code
              ? `fix it, or mark it compile_fail=${code} if the error is the point`
              : 'fix it (the full compiler output is below)',
        details: compilerStderr,
      });
      return problems;
    }

    const warnings = diagnostics.filter((diagnostic) => diagnostic.level === 'warning');
    // A sample whose error block shows the compiler's warning is about that warning.
    const showsWarning = sample.error !== undefined && errorBlockProblem(sample, [rustcOutput]) === undefined;
    if (warnings.length > 0 && !showsWarning) {
      problems.push({
        what: `compiles with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} from rustc or clippy (first: ${describeDiagnostic(warnings[0]!)})`,
        todo: 'fix the code, or put #[allow(lint_name)] on the item (or #![allow(lint_name)] at the top) if the lint is the point',
        details: compilerStderr,
      });
    }

    if (mode.kind === 'no_run') {
      const errorBlock = errorBlockProblem(sample, [rustcOutput]);
      if (errorBlock) problems.push(errorBlock);
      return problems;
    }

    const ran = await run(tempDir, context, runArgs(attributes));
    const programStderr = correctPanicLines(normaliseRustPaths(ran.stderr, paths), program);
    const rawStdout = normaliseRustPaths(ran.stdout, paths);
    const stdout = mode.kind === 'test' ? normaliseTestReport(rawStdout) : rawStdout;
    const expectedExit = mode.kind === 'should_panic' || (mode.kind === 'test' && mode.fails) ? 101 : 0;
    const ending = describeEnding(ran, context.timeouts.runMs);
    const stopped = stoppedProblem(ran, context.timeouts.runMs, {
      todo: 'make it finish quickly, or mark it no_run if it is meant to run on',
      details: programStderr,
    });
    if (stopped) return [...problems, stopped];
    if (mode.kind === 'should_panic') {
      if (ran.exitCode === 0) {
        problems.push({
          what: 'ran to completion (exit code 0); it should panic',
          todo: 'make it panic, or drop should_panic',
          details: stdout.trim() === '' ? undefined : `stdout:\n${stdout}`,
        });
      } else if (ran.exitCode !== 101) {
        problems.push({
          what: `${ending}, not by a panic (exit code 101)`,
          todo: 'make it panic, or drop should_panic',
          details: programStderr,
        });
      }
    } else if (mode.kind === 'test') {
      if (ran.exitCode !== expectedExit) {
        problems.push({
          what:
            expectedExit === 0
              ? `has a failing test (${ending})`
              : `ran every test without a failure (${ending}); it is marked test=fails`,
          todo:
            expectedExit === 0
              ? 'fix the test, or mark the sample test=fails if the failure is the point'
              : 'make a test fail, or write test',
          details: `${stdout}\n${programStderr}`.trim(),
        });
      }
    } else if (ran.exitCode !== 0) {
      const panicked = ran.exitCode === 101;
      problems.push({
        what: panicked ? `panicked: ${panicSummary(programStderr)}` : ending,
        todo: panicked ? 'fix it, or mark it should_panic if the panic is the point' : 'make it exit with code 0',
        details: programStderr,
      });
    }
    const output = outputProblem(sample, stdout);
    if (output) {
      problems.push(output);
    } else if (ran.exitCode === expectedExit) {
      const changing = await nondeterminismProblem(sample, attributes, ran.stdout, tempDir, context);
      if (changing) problems.push(changing);
    }
    const errorBlock = errorBlockProblem(sample, [{name: 'program stderr', text: programStderr}, rustcOutput]);
    if (errorBlock) problems.push(errorBlock);
    return problems;
  } finally {
    fs.rmSync(tempDir, {recursive: true, force: true});
  }
}
