/**
 * The verifier's cache key changes whenever something that decides a verdict
 * changes (tools/verify-samples/cacheKey.ts): the sample, the code that turns
 * it into a program and checks it, the toolchain, the pinned crates and
 * Python packages. Each test changes one input and expects a miss.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import assert from 'node:assert/strict';

import {
  localModules,
  lockedClosure,
  sampleKey,
  type SampleKeyInputs,
  verifierCodeVersion,
} from '../../tools/verify-samples/cacheKey';
import {findPythonToolchain, findRustToolchain, VERIFIER_DIR} from '../../tools/verify-samples/toolchains';

const REPO = path.resolve(import.meta.dirname, '../..');
const temporary: string[] = [];
after(() => {
  temporary.forEach((dir) => {
    fs.rmSync(dir, {recursive: true, force: true});
  });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-key-'));
  temporary.push(dir);
  return dir;
}

/** A copy of the verifier and the sample model, to change files in. */
function copyOfVerifier(): string {
  const root = tempDir();
  for (const dir of [VERIFIER_DIR, 'src/samples', 'src/remark']) {
    fs.cpSync(path.join(REPO, dir), path.join(root, dir), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}crates${path.sep}`) || source.endsWith('.toml'),
    });
  }
  return root;
}

const LOCK = `version = 4

[[package]]
name = "book-samples"
version = "0.0.0"
dependencies = [
 "csv",
 "serde",
]

[[package]]
name = "csv"
version = "1.4.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "aaa"
dependencies = [
 "memchr",
]

[[package]]
name = "memchr"
version = "2.8.3"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "bbb"

[[package]]
name = "serde"
version = "1.0.229"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "ccc"

[[package]]
name = "clap"
version = "4.6.9"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "ddd"
`;

describe('the code that checks samples', () => {
  it('is found by following imports from the verifier into the sample model', () => {
    const entries = fs
      .readdirSync(path.join(REPO, VERIFIER_DIR))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(REPO, VERIFIER_DIR, name));
    const modules = localModules(entries).map((file) => path.relative(REPO, file));
    for (const expected of ['src/samples/rustProgram.ts', 'src/samples/fence.ts', 'src/samples/page.ts']) {
      assert.ok(modules.includes(expected), `${expected} is not among ${modules.join(', ')}`);
    }
  });

  it('changes when the program builder changes', () => {
    const root = copyOfVerifier();
    const before = verifierCodeVersion(root, VERIFIER_DIR);
    assert.equal(verifierCodeVersion(root, VERIFIER_DIR), before, 'the version is stable');
    fs.appendFileSync(path.join(root, 'src/samples/rustProgram.ts'), '\n// a change to how samples become programs\n');
    assert.notEqual(verifierCodeVersion(root, VERIFIER_DIR), before);
  });

  it('changes when a module imported from the sample model changes, without a list to update', () => {
    const root = copyOfVerifier();
    fs.writeFileSync(path.join(root, 'src/samples/wrapping.ts'), 'export const WRAP = 1;\n');
    fs.appendFileSync(path.join(root, 'src/samples/rustProgram.ts'), "\nexport {WRAP} from './wrapping';\n");
    const before = verifierCodeVersion(root, VERIFIER_DIR);
    fs.writeFileSync(path.join(root, 'src/samples/wrapping.ts'), 'export const WRAP = 2;\n');
    assert.notEqual(verifierCodeVersion(root, VERIFIER_DIR), before);
  });
});

describe('a sample key', () => {
  const base: SampleKeyInputs = {
    code: 'verifier-1',
    toolchain: 'rustc-1.95',
    attributes: {language: 'rust', mode: {kind: 'run'}, edition: '2024', passThrough: ''},
    sourceCode: 'println!("7");',
    output: '7',
  };
  const changes: Record<string, Partial<SampleKeyInputs>> = {
    'the code': {sourceCode: 'println!("8");'},
    'the expected output': {output: '8'},
    'an expected error block': {error: 'error[E0382]'},
    'the mode': {attributes: {...base.attributes, mode: {kind: 'should_panic'}}},
    'the edition': {attributes: {...base.attributes, edition: '2021'}},
    'the verifier and sample model': {code: 'verifier-2'},
    'the toolchain fingerprint': {toolchain: 'rustc-1.96'},
  };
  for (const [what, change] of Object.entries(changes)) {
    it(`changes with ${what}`, () => {
      assert.notEqual(sampleKey({...base, ...change}), sampleKey(base));
    });
  }
  it('is the same for the same inputs', () => {
    assert.equal(sampleKey({...base}), sampleKey(base));
  });
});

describe('the pinned crates', () => {
  it("are the samples' crates and everything they depend on, not the rest of the lock", () => {
    assert.deepEqual(lockedClosure(LOCK, 'book-samples'), [
      'book-samples 0.0.0',
      'csv 1.4.0 aaa',
      'memchr 2.8.3 bbb',
      'serde 1.0.229 ccc',
    ]);
  });

  it('change when a transitive dependency moves, and not when an unrelated crate does', () => {
    const before = lockedClosure(LOCK, 'book-samples');
    assert.deepEqual(lockedClosure(LOCK.replace('4.6.9', '4.7.0'), 'book-samples'), before);
    assert.notDeepEqual(lockedClosure(LOCK.replace('2.8.3', '2.8.4'), 'book-samples'), before);
    assert.notDeepEqual(lockedClosure(LOCK.replace('"bbb"', '"eee"'), 'book-samples'), before);
  });

  it('say what to do when the lock does not list the samples', () => {
    assert.throws(() => lockedClosure(LOCK, 'nowhere'), /Cargo\.lock has no package `nowhere`/);
  });

  it("move the Rust toolchain's fingerprint", async () => {
    const root = copyOfVerifier();
    fs.copyFileSync(path.join(REPO, 'rust-toolchain.toml'), path.join(root, 'rust-toolchain.toml'));
    fs.writeFileSync(path.join(root, 'Cargo.lock'), LOCK);
    const before = (await findRustToolchain(root)).fingerprint;
    fs.writeFileSync(path.join(root, 'Cargo.lock'), LOCK.replace('1.0.229', '1.0.230'));
    assert.notEqual((await findRustToolchain(root)).fingerprint, before);
    fs.writeFileSync(path.join(root, 'Cargo.lock'), LOCK);
    fs.appendFileSync(path.join(root, VERIFIER_DIR, 'rustfmt.toml'), '\nmax_width = 90\n');
    assert.notEqual((await findRustToolchain(root)).fingerprint, before, 'rustfmt settings count too');
  });
});

describe('the Python packages', () => {
  it("move the Python toolchain's fingerprint", async () => {
    const root = copyOfVerifier();
    fs.copyFileSync(path.join(REPO, '.python-version'), path.join(root, '.python-version'));
    const cache = tempDir();
    const before = (await findPythonToolchain(root, cache)).fingerprint;
    fs.appendFileSync(path.join(root, VERIFIER_DIR, 'requirements.txt'), 'pytest==9.0.0\n');
    assert.notEqual((await findPythonToolchain(root, cache)).fingerprint, before);
  });
});
