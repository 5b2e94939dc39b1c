/**
 * The toolchains the samples are checked with, pinned by the repository:
 * Rust from rust-toolchain.toml (rustc, clippy-driver, rustfmt, cargo of one
 * sysroot), the crates of tools/verify-samples/crates/ built once, and a Python
 * venv made from .python-version's interpreter and tools/verify-samples/requirements.txt.
 *
 * Everything built here lives in the cache directory (target/verify-samples/
 * by default; the crates in target/ itself) and is rebuilt when its inputs
 * change, so a fresh clone needs only `npm ci` before `npm run verify-samples`.
 */
import fs from 'node:fs';
import path from 'node:path';

import {lockedClosure, sha256} from './cacheKey';
import {runProcess} from './processes';

/** Files that decide what samples are checked against, relative to the repository root. */
export const VERIFIER_DIR = 'tools/verify-samples';
export const SAMPLE_CRATES_MANIFEST = `${VERIFIER_DIR}/crates/Cargo.toml`;
/** The package name in that manifest. */
export const SAMPLE_CRATES_PACKAGE = 'book-samples';
/** The crates are a member of the repository's Cargo workspace: its one lock file and target/. */
export const SAMPLE_CRATES_LOCK = 'Cargo.lock';
export const CARGO_TARGET_DIR = 'target';
export const RUSTFMT_CONFIG = `${VERIFIER_DIR}/rustfmt.toml`;
/** clippy-driver reads tools/verify-samples/clippy.toml if one is added (CLIPPY_CONF_DIR). */
export const CLIPPY_CONFIG_DIR = VERIFIER_DIR;
export const PYTHON_REQUIREMENTS = `${VERIFIER_DIR}/requirements.txt`;
export const RUFF_CONFIG = `${VERIFIER_DIR}/ruff.toml`;

const SETUP_TIMEOUT_MS = 15 * 60 * 1000;

/** The repository root: the nearest folder up from `start` that holds the sample crates. */
export function findRepoRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, SAMPLE_CRATES_MANIFEST))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no ${SAMPLE_CRATES_MANIFEST} above ${start}; run the verifier from inside the repository`);
    }
    dir = parent;
  }
}

/**
 * Verdicts and the samples' venv live beside the crates cargo builds, in the
 * workspace's target/: build output that `npm ci` (which empties
 * node_modules/) leaves alone and CI can cache with cargo's.
 */
export function defaultCacheDir(repoRoot: string): string {
  return path.join(repoRoot, CARGO_TARGET_DIR, 'verify-samples');
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Fails with the command's own output, for setup steps whose failure ends the run. */
async function mustRun(command: string, args: readonly string[], cwd: string, what: string, env?: NodeJS.ProcessEnv) {
  const outcome = await runProcess(command, args, {
    cwd,
    timeoutMs: SETUP_TIMEOUT_MS,
    ...(env ? {env} : {}),
    maxOutputBytes: 64 * 1024 * 1024,
  });
  if (outcome.exitCode !== 0) {
    const shown = `${outcome.stderr}\n${outcome.stdout}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${what} failed (${command} ${args.join(' ')}):\n${shown}`);
  }
  return outcome;
}

/**
 * A lock between verifier processes that share one cache directory (two
 * terminals, or test files run in parallel): `mkdir` is atomic.
 */
export async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), {recursive: true});
  const deadline = Date.now() + SETUP_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = Number(readIfExists(path.join(lockDir, 'pid')));
      let alive = false;
      try {
        if (holder > 0) {
          process.kill(holder, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (!alive && holder > 0) {
        fs.rmSync(lockDir, {recursive: true, force: true});
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`${lockDir} is held by process ${holder}; remove the folder if that process is gone`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, {recursive: true, force: true});
  }
}

// ---------------------------------------------------------------- Rust

export interface RustToolchain {
  readonly rustc: string;
  readonly clippyDriver: string;
  readonly rustfmt: string;
  readonly cargo: string;
  /** The target rustc builds for here: `x86_64-unknown-linux-gnu`. */
  readonly host: string;
  /** `rustc 1.95.0 (…)`, `clippy 0.1.95 (…)`, `rustfmt 1.9.0-stable (…)`. */
  readonly versions: readonly string[];
  /** Changes whenever the compiler, the lints, the formatter or the crates change. */
  readonly fingerprint: string;
}

/**
 * Resolves the pinned toolchain once (through rustup's proxy, which reads
 * rust-toolchain.toml) and then calls its binaries directly: faster, and the
 * same toolchain for every step.
 */
export async function findRustToolchain(repoRoot: string): Promise<RustToolchain> {
  const sysroot = (
    await mustRun('rustc', ['--print', 'sysroot'], repoRoot, 'finding the Rust toolchain')
  ).stdout.trim();
  const bin = (name: string) => path.join(sysroot, 'bin', name);
  const [rustcInfo, clippyInfo, rustfmtInfo] = await Promise.all([
    mustRun(bin('rustc'), ['-vV'], repoRoot, 'rustc -vV'),
    mustRun(
      bin('clippy-driver'),
      ['--version'],
      repoRoot,
      'clippy-driver --version (is the clippy component installed?)',
    ),
    mustRun(bin('rustfmt'), ['--version'], repoRoot, 'rustfmt --version (is the rustfmt component installed?)'),
  ]);
  const rustcLine = rustcInfo.stdout.split('\n')[0]!.trim();
  const pinned = /^\s*channel\s*=\s*"(\d+\.\d+(?:\.\d+)?)"/m.exec(
    readIfExists(path.join(repoRoot, 'rust-toolchain.toml')),
  )?.[1];
  const release = /^release: (\S+)/m.exec(rustcInfo.stdout)?.[1] ?? '';
  const host = /^host: (\S+)/m.exec(rustcInfo.stdout)?.[1];
  if (host === undefined) {
    throw new Error(`rustc -vV printed no host line: ${rustcInfo.stdout}`);
  }
  if (pinned !== undefined && release !== pinned && !release.startsWith(`${pinned}.`)) {
    throw new Error(
      `rust-toolchain.toml pins Rust ${pinned}, but rustc here is ${release}; install it (rustup toolchain install ${pinned} --component rustfmt clippy)`,
    );
  }
  const versions = [rustcLine, clippyInfo.stdout.trim(), rustfmtInfo.stdout.trim()];
  const inputs = [SAMPLE_CRATES_MANIFEST, RUSTFMT_CONFIG, path.join(CLIPPY_CONFIG_DIR, 'clippy.toml')].map((file) =>
    readIfExists(path.join(repoRoot, file)),
  );
  // Only the crates samples link against count, not the rest of the workspace's lock.
  const crates = lockedClosure(readIfExists(path.join(repoRoot, SAMPLE_CRATES_LOCK)), SAMPLE_CRATES_PACKAGE);
  return {
    rustc: bin('rustc'),
    clippyDriver: bin('clippy-driver'),
    rustfmt: bin('rustfmt'),
    cargo: bin('cargo'),
    host,
    versions,
    fingerprint: sha256(rustcInfo.stdout, ...versions, ...inputs, ...crates),
  };
}

export interface SampleCrates {
  /** `-L dependency=` folder holding every built crate. */
  readonly depsDir: string;
  /** `--extern name=path` for each crate listed in tools/verify-samples/crates/Cargo.toml. */
  readonly externs: ReadonlyArray<{readonly name: string; readonly rlib: string}>;
}

interface CargoArtifact {
  readonly reason: string;
  readonly package_id?: string;
  readonly target?: {readonly name: string; readonly kind: readonly string[]};
  readonly filenames?: readonly string[];
}

interface CargoMetadata {
  readonly resolve: {
    readonly root: string;
    readonly nodes: ReadonlyArray<{
      readonly id: string;
      readonly deps: ReadonlyArray<{readonly name: string; readonly pkg: string}>;
    }>;
  };
}

/**
 * Builds the crates samples may use (cargo does nothing when they are fresh)
 * and returns how to link a sample against them, as `mdbook test` does.
 */
export async function buildSampleCrates(repoRoot: string, toolchain: RustToolchain): Promise<SampleCrates> {
  const manifest = path.join(repoRoot, SAMPLE_CRATES_MANIFEST);
  const targetDir = path.join(repoRoot, CARGO_TARGET_DIR);
  const env: NodeJS.ProcessEnv = {...process.env, RUSTC: toolchain.rustc, CARGO_TARGET_DIR: targetDir};
  delete env.RUSTC_WRAPPER;
  delete env.RUSTC_WORKSPACE_WRAPPER;
  const build = await mustRun(
    toolchain.cargo,
    ['build', '--locked', '--quiet', '--manifest-path', manifest, '--message-format=json'],
    repoRoot,
    `building the sample crates of ${SAMPLE_CRATES_MANIFEST} (if Cargo.lock is out of date, run \`cargo update -p NAME\` for the crate you added and commit ${SAMPLE_CRATES_LOCK})`,
    env,
  );
  const metadataRun = await mustRun(
    toolchain.cargo,
    // Offline, after the build has fetched the crates: only this platform's,
    // so only this platform's dependencies are asked for (a fresh machine has no
    // Windows-only crates such as anstyle-wincon to read).
    [
      'metadata',
      '--locked',
      '--offline',
      '--filter-platform',
      toolchain.host,
      '--format-version',
      '1',
      '--manifest-path',
      manifest,
    ],
    repoRoot,
    'reading the sample crates with cargo metadata',
    env,
  );
  const metadata = JSON.parse(metadataRun.stdout) as CargoMetadata;
  const root = metadata.resolve.nodes.find((node) => node.id === metadata.resolve.root);
  const artifacts = build.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as CargoArtifact)
    .filter((message) => message.reason === 'compiler-artifact');
  const externs = (root?.deps ?? []).map((dep) => {
    const artifact = artifacts.find(
      (candidate) => candidate.package_id === dep.pkg && candidate.target?.kind.includes('lib'),
    );
    const rlib = artifact?.filenames?.find((file) => file.endsWith('.rlib'));
    if (rlib === undefined) {
      throw new Error(`cargo built no library for the sample crate \`${dep.name}\` (${dep.pkg})`);
    }
    return {name: dep.name, rlib};
  });
  return {depsDir: path.join(targetDir, 'debug', 'deps'), externs};
}

// ---------------------------------------------------------------- Python

export interface PythonToolchain {
  /** The interpreter .python-version selects (via pyenv's shim, or python3 on PATH). */
  readonly basePython: string;
  /** `Python 3.11.7`. */
  readonly version: string;
  /** `ruff 0.17.6`, read from requirements.txt (no need to build the venv to know it). */
  readonly ruffVersion: string;
  readonly fingerprint: string;
  /** Where the venv lives once made. */
  readonly venvDir: string;
}

export interface PythonEnv {
  readonly python: string;
  readonly ruff: string;
  readonly venvDir: string;
  /** sys.base_prefix of the interpreter, to shorten standard-library paths in tracebacks. */
  readonly basePrefix: string;
}

export async function findPythonToolchain(repoRoot: string, cacheDir: string): Promise<PythonToolchain> {
  const wanted = readIfExists(path.join(repoRoot, '.python-version')).trim();
  const basePython = 'python3';
  const outcome = await mustRun(
    basePython,
    ['-c', 'import sys; print(sys.version.split()[0])'],
    repoRoot,
    'finding Python',
  );
  const versionNumber = outcome.stdout.trim();
  if (wanted !== '' && versionNumber !== wanted && !versionNumber.startsWith(`${wanted}.`)) {
    throw new Error(
      `.python-version pins Python ${wanted}, but python3 here is ${versionNumber}; install ${wanted} (pyenv install ${wanted})`,
    );
  }
  const requirements = readIfExists(path.join(repoRoot, PYTHON_REQUIREMENTS));
  const ruffPin = /^ruff==(\S+)/m.exec(requirements)?.[1] ?? '?';
  const venvKey = sha256(versionNumber, requirements).slice(0, 16);
  return {
    basePython,
    version: `Python ${versionNumber}`,
    ruffVersion: `ruff ${ruffPin}`,
    fingerprint: sha256(versionNumber, requirements, readIfExists(path.join(repoRoot, RUFF_CONFIG))),
    venvDir: path.join(cacheDir, `python-${venvKey}`),
  };
}

/** Makes the venv when it is missing (or requirements.txt changed), under a lock. */
export async function preparePythonEnv(
  repoRoot: string,
  toolchain: PythonToolchain,
  log: (line: string) => void,
): Promise<PythonEnv> {
  const {venvDir} = toolchain;
  const ready = path.join(venvDir, '.ready');
  const python = path.join(venvDir, 'bin', 'python');
  if (!fs.existsSync(ready)) {
    await withLock(`${venvDir}.lock`, async () => {
      if (fs.existsSync(ready)) {
        return;
      }
      log(`creating the Python venv for samples from ${PYTHON_REQUIREMENTS} (once)…`);
      const cacheDir = path.dirname(venvDir);
      for (const old of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
        if (/^python-[0-9a-f]+$/.test(old)) {
          fs.rmSync(path.join(cacheDir, old), {recursive: true, force: true});
        }
      }
      await mustRun(toolchain.basePython, ['-m', 'venv', venvDir], repoRoot, 'creating the samples venv');
      await mustRun(
        python,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '--no-input',
          '-r',
          path.join(repoRoot, PYTHON_REQUIREMENTS),
        ],
        repoRoot,
        `installing ${PYTHON_REQUIREMENTS}`,
      );
      fs.writeFileSync(ready, `${new Date().toISOString()}\n`);
    });
  }
  const basePrefix = (
    await mustRun(python, ['-c', 'import sys; print(sys.base_prefix)'], repoRoot, 'asking the venv for sys.base_prefix')
  ).stdout.trim();
  return {python, ruff: path.join(venvDir, 'bin', 'ruff'), venvDir, basePrefix};
}
