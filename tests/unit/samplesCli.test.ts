/**
 * `npm run verify-samples` as a user runs it: options, exit codes, the
 * summary lines (the last one is what CI reads) and the verdict cache.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {before, describe, it} from 'node:test';

import {fixturePath} from './samplesFixtures';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lastLine: string | undefined;
}

function verify(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'tools/verify-samples/main.ts', ...args],
      {encoding: 'utf8', env: {...process.env, INIT_CWD: process.cwd()}},
      (error, stdout, stderr) => {
        const lines = stdout.trimEnd().split('\n');
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({status, stdout, stderr, lastLine: lines[lines.length - 1]});
      },
    );
  });
}

// Independent runs start together: each spends most of its time starting Node.
const runs: Record<string, Promise<Run>> = {};
before(() => {
  runs.help = verify('--help');
  runs.badJobs = verify('--jobs', '0');
  runs.list = verify('--list', fixturePath('cli.mdx'));
  runs.failing = verify('--no-cache', fixturePath('cli-failing.mdx'));
  runs.missing = verify('docs/no-such-chapter.mdx');
});

describe('verify-samples command', () => {
  it('lists its tasks and options with --help', async () => {
    const {status, stdout} = await runs.help!;
    assert.equal(status, 0);
    for (const option of ['--list', '--jobs N', '--no-cache', '--verbose', '--help']) {
      assert.ok(stdout.includes(option), `--help does not mention ${option}`);
    }
  });

  it('rejects a bad option value with exit code 2', async () => {
    const {status, stderr} = await runs.badJobs!;
    assert.equal(status, 2);
    assert.match(stderr, /--jobs takes a whole number of at least 1/);
  });

  it('lists samples without checking them', async () => {
    const {status, stdout} = await runs.list!;
    assert.equal(status, 0);
    assert.match(stdout, /cli\.mdx:3: python run: `python` sample \(with output block\)/);
    assert.match(stdout, /cli\.mdx:11: rust run: `rust` sample \(with output block\)/);
  });

  it('checks one page, prints the versions and the summary, then serves the second run from cache', async () => {
    const first = await verify('--jobs', '2', fixturePath('cli.mdx'));
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^toolchains: rustc 1\.95\.0 .* · Python 3\.11\.\d+ · ruff /m);
    assert.match(
      first.stdout,
      /^samples: 2 passed, 0 failed \(rust run 1, no_run 0, should_panic 0, test 0, compile_fail 0, python run 1, raises 0, ignored 0, included 0\)$/m,
    );
    assert.equal(first.lastLine, '2 passed, 0 failed');
    const second = await verify(fixturePath('cli.mdx'));
    assert.match(second.stdout, /\(2 from cache, \d+ jobs\)/);
  });

  it('fails with exit code 1, the page and the line', async () => {
    const {status, stdout, lastLine} = await runs.failing!;
    assert.equal(status, 1);
    assert.match(
      stdout,
      /^tests\/unit\/fixtures\/samples\/cli-failing\.mdx:11: a `text output` block must follow a python or rust sample/m,
    );
    assert.equal(lastLine, '1 passed, 1 failed');
  });

  it('says so when a page does not exist', async () => {
    const {status, stderr} = await runs.missing!;
    assert.equal(status, 2);
    assert.match(stderr, /docs\/no-such-chapter\.mdx: no such file or folder/);
  });
});
