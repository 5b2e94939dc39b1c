/**
 * The cache key of a sample's verdict: a hash of everything that decides it,
 * so a passing verdict is reused only when nothing it depends on changed.
 *
 * - The sample: language, mode, edition, code (hidden lines included), and
 *   the output and error blocks it is compared with.
 * - The code that checks it: every module reached by relative imports from
 *   the verifier's own files — the verifier, the sample model in
 *   src/samples/ (how a fence is read, how a Rust snippet becomes a program)
 *   and whatever those import later — found by following the imports, so a
 *   new module is covered without a list to keep up to date.
 * - The toolchain and its settings (toolchains.ts): compiler, lint and
 *   formatter versions and config files; the Python version, ruff's pin and
 *   config.
 * - The pinned dependencies: the locked version and checksum of each crate
 *   the samples link against and of everything those crates depend on (read
 *   from the workspace's Cargo.lock; the rest of the lock does not matter),
 *   and the samples' Python requirements.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type {SampleAttributes} from '../../src/samples/fence';

export function sha256(...parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Relative module specifiers in `import … from`, `export … from` and `import(…)`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const MODULE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveModule(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return MODULE_SUFFIXES.map((suffix) => base + suffix).find(
    (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
  );
}

/** The entry files and every local module they import, directly or not, sorted. */
export function localModules(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => path.resolve(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const resolved = resolveModule(file, match[1]!);
      if (resolved !== undefined && !seen.has(resolved)) pending.push(resolved);
    }
  }
  return [...seen].sort();
}

/** A hash of the verifier's code and every module it imports (paths relative to `repoRoot`). */
export function verifierCodeVersion(repoRoot: string, verifierDir: string): string {
  const dir = path.join(repoRoot, verifierDir);
  const entries = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
  return sha256(
    ...localModules(entries).flatMap((file) => [path.relative(repoRoot, file), fs.readFileSync(file, 'utf8')]),
  );
}

interface LockedPackage {
  readonly name: string;
  readonly version: string;
  readonly checksum: string;
  /** `name` or `name version`, as Cargo.lock writes them. */
  readonly dependencies: readonly string[];
}

/** The `[[package]]` entries of a Cargo.lock (version 3 or 4). */
export function parseCargoLock(lock: string): LockedPackage[] {
  return lock
    .split(/^\[\[package\]\]\s*$/m)
    .slice(1)
    .map((block) => {
      const field = (key: string) => new RegExp(`^${key} = "([^"]*)"`, 'm').exec(block)?.[1] ?? '';
      const list = /^dependencies = \[([\s\S]*?)\]/m.exec(block)?.[1] ?? '';
      return {
        name: field('name'),
        version: field('version'),
        checksum: field('checksum'),
        dependencies: [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
      };
    });
}

/**
 * `name version checksum` of `root` and of every package it depends on in the
 * lock file, sorted: what the samples are really compiled against.
 */
export function lockedClosure(lock: string, root: string): string[] {
  const packages = parseCargoLock(lock);
  const find = (reference: string) => {
    const [name, version] = reference.split(' ');
    return packages.find(
      (candidate) => candidate.name === name && (version === undefined || candidate.version === version),
    );
  };
  const start = find(root);
  if (start === undefined) {
    throw new Error(
      `Cargo.lock has no package \`${root}\`; run \`cargo metadata\` or \`cargo build\` once to update it`,
    );
  }
  const seen = new Map<string, LockedPackage>();
  const pending = [start];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const id = `${next.name} ${next.version}`;
    if (seen.has(id)) continue;
    seen.set(id, next);
    for (const dependency of next.dependencies) {
      const found = find(dependency);
      if (found !== undefined) pending.push(found);
    }
  }
  return [...seen.values()].map((entry) => `${entry.name} ${entry.version} ${entry.checksum}`.trim()).sort();
}

export interface SampleKeyInputs {
  /** verifierCodeVersion(): the code that checks samples. */
  readonly code: string;
  /** The toolchain's fingerprint: versions, settings, pinned dependencies. */
  readonly toolchain: string;
  readonly attributes: SampleAttributes;
  /** The fence's body, hidden lines included. */
  readonly sourceCode: string;
  readonly output?: string;
  readonly error?: string;
}

/** The key a sample's passing verdict is cached under. */
export function sampleKey(inputs: SampleKeyInputs): string {
  const {attributes} = inputs;
  return sha256(
    JSON.stringify({
      code: inputs.code,
      toolchain: inputs.toolchain,
      language: attributes.language,
      mode: attributes.mode,
      edition: attributes.edition,
      sourceCode: inputs.sourceCode,
      output: inputs.output,
      error: inputs.error,
    }),
  );
}
