/**
 * The sample verifier against real toolchains: every kind of sample that must
 * pass (fixtures/samples/passing.mdx) and every way a sample must fail
 * (fixtures/samples/failing.mdx), each failure with the page and the line of
 * its fence in the message. One verifier run serves all tests (verdict cache
 * off; the built crates and the venv are shared with `npm run verify-samples`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {before, describe, it} from 'node:test';

import {formatVerdict, type SampleVerdict} from '../../tools/verify-samples/verdicts';
import {defaultCacheDir, findRepoRoot} from '../../tools/verify-samples/toolchains';
import {tally, verifySamples, type VerifyReport} from '../../tools/verify-samples/verifySamples';
import {caseNames, FIXTURE_DIR, fenceLine, fixturePath} from './samplesFixtures';

const repoRoot = findRepoRoot();
let report: VerifyReport;

before(async () => {
  report = await verifySamples({
    repoRoot,
    paths: [fixturePath('passing.mdx'), fixturePath('failing.mdx')],
    jobs: 2,
    useCache: false,
    cacheDir: defaultCacheDir(repoRoot),
    includeRoot: path.join(repoRoot, FIXTURE_DIR),
    // Short enough for the endless-loop case; the rest finish in well under a second.
    timeouts: {compileMs: 60_000, runMs: 4_000, toolMs: 30_000},
  });
});

function verdictsOf(fixture: string): SampleVerdict[] {
  return report.verdicts.filter((verdict) => verdict.file === fixturePath(fixture));
}

function messagesAt(fixture: string, line: number): string[] {
  return verdictsOf(fixture)
    .filter((verdict) => verdict.line === line && verdict.problems.length > 0)
    .map(formatVerdict);
}

describe('samples that must pass', () => {
  it('all pass', () => {
    const failures = verdictsOf('passing.mdx').filter((verdict) => verdict.problems.length > 0);
    assert.deepEqual(failures.map(formatVerdict), []);
  });

  it('are counted by kind', () => {
    const counts = tally(verdictsOf('passing.mdx'));
    assert.deepEqual(counts.byKind, {
      'rust run': 7,
      no_run: 2,
      should_panic: 2,
      test: 2,
      compile_fail: 5,
      'python run': 3,
      raises: 2,
      ignored: 1,
      included: 2,
      invalid: 0,
    });
  });

  for (const name of caseNames('passing.mdx')) {
    it(`finds the sample of case ${name}`, () => {
      const line = fenceLine('passing.mdx', name);
      assert.ok(
        verdictsOf('passing.mdx').some((verdict) => verdict.line === line),
        `no verdict for ${name} at line ${line}`,
      );
    });
  }
});

/** Each failing case: the regex its message must match, after `path:line: `. */
const FAILURES: Record<string, {readonly pattern: RegExp; readonly nth?: number}> = {
  'compile-fail-compiles': {
    pattern: /`rust compile_fail=E0382` sample compiled without errors; it must fail with E0382/,
  },
  'compile-fail-other-code': {
    pattern:
      /failed to compile with E0499, not E0382 \(first error: error\[E0499\]: cannot borrow `rows` as mutable more than once at a time \(src\/main\.rs:4:18\)\); if E0499 is the lesson, write compile_fail=E0499/,
  },
  'compile-fail-other-lint': {
    pattern:
      /failed to compile with unconditional_panic, not arithmetic_overflow \(first error: error: this operation will panic at runtime \(src\/main\.rs:3:20\)\); if unconditional_panic is the lesson, write compile_fail=unconditional_panic/,
  },
  'test-fails-unexpectedly': {
    pattern:
      /`rust test` sample has a failing test \(exited with code 101\); fix the test, or mark the sample test=fails[^]*assertion `left == right` failed/,
  },
  'test-passes-unexpectedly': {
    pattern:
      /`rust test=fails` sample ran every test without a failure \(exited with code 0\); it is marked test=fails/,
  },
  'wrong-output': {
    pattern: /prints something other than its `text output` block \(line \d+\)[^]*-total: 8\n\s*\+total: 7/,
  },
  'should-panic-without-panic': {
    pattern: /`rust should_panic` sample ran to completion \(exit code 0\); it should panic/,
  },
  'raises-other-exception': {
    pattern:
      /`python raises=ValueError` sample raised KeyError: 'us', not ValueError; if KeyError is the lesson, write raises=KeyError/,
  },
  'unknown-attribute': {pattern: /`rust no_rnu` fence: unknown attribute `no_rnu` on a rust sample; known: no_run/},
  'compile-fail-without-code': {
    pattern: /`compile_fail` needs the error code\(s\) it must fail with: write compile_fail=E0382/,
  },
  'orphan-output': {pattern: /a `text output` block must follow a python or rust sample/},
  rustfmt: {
    pattern:
      /is not formatted the way rustfmt formats it; apply this change[^]*- {4}let rows = \[3,4\];\n\s*\+ {4}let rows = \[3, 4\];/,
  },
  'ruff-check': {pattern: /fails ruff check: main\.py:1:8: F401 \[\*\] `os` imported but unused/},
  'ruff-format': {pattern: /is not formatted the way ruff formats it[^]*-rows = \[3,4\]\n\s*\+rows = \[3, 4\]/},
  'clippy-warning': {
    pattern:
      /compiles with 2 warnings from rustc or clippy \(first: warning: length comparison to zero \(src\/main\.rs:3:20\)\)/,
  },
  'does-not-compile': {
    pattern:
      /does not compile: error\[E0308\]: mismatched types \(src\/main\.rs:2:22\); fix it, or mark it compile_fail=E0308/,
  },
  'rust-panics': {
    pattern: /`rust` sample panicked: thread 'main' \(\d+\) panicked at src\/main\.rs:2:20: index out of bounds/,
  },
  'python-raises-unexpectedly': {
    pattern:
      /`python` sample raised ValueError: invalid literal for int\(\) with base 10: 'seven'; fix it, or mark it raises=ValueError/,
  },
  'error-block-mismatch': {
    pattern:
      /error output does not contain the lines of its `text error` block \(line \d+\) as one run[^]*ZeroDivisionError: division by zero/,
  },
  'python-nondeterministic': {
    pattern: /prints different output on different runs \(the order of a set of strings depends on PYTHONHASHSEED\)/,
  },
  'no-run-with-output': {
    pattern: /`rust no_run` sample has a `text output` block \(line \d+\) but a no_run sample is never run/,
  },
  'duplicate-output': {pattern: /a second `text output` block for the sample at line \d+/, nth: 3},
  'include-missing-region': {
    pattern:
      /cannot include region `format_price`: examples\/prices\.rs has no region `format_price`; regions there: parse_price, twice/,
  },
  'include-region-twice': {pattern: /region `twice` needs exactly one ANCHOR: twice line/},
  'include-missing-file': {pattern: /includes "examples\/missing\.rs", which does not exist/},
  'include-outside-examples': {pattern: /includes "src\/lib\.rs", which is not in examples\//},
  'lookalike-language': {pattern: /```rs is not checked; write ```rust/},
  'comma-attributes': {
    pattern: /```rust,ignore is not checked: attributes go after a space, not a comma; write ```rust ignore/,
  },
  'ignore-without-reason': {pattern: /`ignore` needs a reason/},
  timeout: {pattern: /`python` sample did not finish within 4 s and was stopped/},
  'rust-missing-crate': {
    pattern:
      /does not compile: error\[E0432\]: unresolved import `rand` \(src\/main\.rs:1:5\); if `rand` is a crate, add it to tools\/verify-samples\/crates\/Cargo\.toml/,
  },
  'python-missing-package': {
    pattern:
      /raised ModuleNotFoundError: No module named 'numpy'; add the package that provides `numpy` to tools\/verify-samples\/requirements\.txt/,
  },
};

describe('samples that must fail', () => {
  for (const name of caseNames('failing.mdx')) {
    const expected = FAILURES[name];
    it(`fails case ${name} with the page and the fence's line`, () => {
      assert.ok(expected, `FAILURES has no entry for case ${name}`);
      const line = fenceLine('failing.mdx', name, expected.nth);
      const messages = messagesAt('failing.mdx', line);
      const prefix = `${fixturePath('failing.mdx')}:${line}: `;
      assert.ok(
        messages.length > 0,
        `no failure at line ${line}; verdicts there: ${JSON.stringify(verdictsOf('failing.mdx').filter((v) => v.line === line))}`,
      );
      const match = messages.find((message) => expected.pattern.test(message));
      assert.ok(match, `no message matches ${expected.pattern}:\n${messages.join('\n')}`);
      assert.ok(match.startsWith(prefix), `message does not start with ${prefix}:\n${match}`);
    });
  }

  it('has nothing else that fails', () => {
    const expectedLines = new Set(
      caseNames('failing.mdx').map((name) => fenceLine('failing.mdx', name, FAILURES[name]?.nth)),
    );
    const unexpected = verdictsOf('failing.mdx').filter(
      (verdict) => verdict.problems.length > 0 && !expectedLines.has(verdict.line),
    );
    assert.deepEqual(unexpected.map(formatVerdict), []);
  });

  it('prints the real stderr in full when an error block does not match, ready to paste', () => {
    const line = fenceLine('failing.mdx', 'error-block-mismatch');
    const [message] = messagesAt('failing.mdx', line);
    assert.match(
      message!,
      /stderr:\n\s+Traceback \(most recent call last\):\n\s+File "main\.py", line 1, in <module>\n\s+print\(1 \/ 0\)/,
    );
  });
});
