/**
 * The verifier's pure parts: comparing output, wrapping Rust snippets like
 * rustdoc, reading rustc diagnostics and Python tracebacks, the summary line.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';

import {formatVerdict, type SampleVerdict} from '../../tools/verify-samples/verdicts';
import {
  findContiguousLines,
  normaliseBlockLines,
  normaliseLines,
  unifiedDiff,
} from '../../tools/verify-samples/textCompare';
import {summaryLines} from '../../tools/verify-samples/verifySamples';
import {raisedException} from '../../tools/verify-samples/verifyPythonSample';
import {hasMainFunction, prepareRustProgram, unwrapFormatted} from '../../src/samples/rustProgram';
import {parseDiagnostics} from '../../tools/verify-samples/verifyRustSample';

describe('normaliseLines', () => {
  it('ignores trailing whitespace on each line and trailing blank lines', () => {
    assert.deepEqual(normaliseLines('a  \r\nb\t\n\n\n'), ['a', 'b']);
  });

  it('keeps leading blank lines of output, drops them for error blocks', () => {
    assert.deepEqual(normaliseLines('\nx'), ['', 'x']);
    assert.deepEqual(normaliseBlockLines('\n\nx\n'), ['x']);
  });
});

describe('findContiguousLines', () => {
  const stderr = [
    'error[E0382]: borrow of moved value: `v`',
    ' --> src/main.rs:3:20',
    '  |',
    'error: aborting due to 1 previous error',
  ];

  it('finds a run of lines', () => {
    assert.equal(findContiguousLines(stderr, [' --> src/main.rs:3:20', '  |']), 1);
  });

  it('does not accept the lines apart or out of order', () => {
    assert.equal(findContiguousLines(stderr, ['error[E0382]: borrow of moved value: `v`', '  |']), -1);
    assert.equal(findContiguousLines(stderr, ['  |', ' --> src/main.rs:3:20']), -1);
  });

  it('ignores the thread id of a panic on either side', () => {
    const panic = ["thread 'main' (31337) panicked at src/main.rs:2:5:", 'boom'];
    assert.equal(findContiguousLines(panic, ["thread 'main' panicked at src/main.rs:2:5:", 'boom']), 0);
    assert.equal(findContiguousLines(panic, ["thread 'main' (1) panicked at src/main.rs:2:5:"]), 0);
    assert.equal(findContiguousLines(panic, ["thread 'main' panicked at src/main.rs:3:5:"]), -1);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff(['a'], ['a'], {expected: 'x', actual: 'y'}), '');
  });

  it('shows changed lines with context and hunk headers', () => {
    const expected = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    const actual = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'];
    assert.equal(
      unifiedDiff(expected, actual, {expected: 'expected', actual: 'actual'}),
      ['--- expected', '+++ actual', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'].join('\n'),
    );
  });

  it('handles missing and extra lines', () => {
    assert.equal(
      unifiedDiff([], ['a'], {expected: 'e', actual: 'a'}),
      ['--- e', '+++ a', '@@ -0,0 +1,1 @@', '+a'].join('\n'),
    );
    assert.equal(
      unifiedDiff(['a', 'b'], ['a'], {expected: 'e', actual: 'a'}),
      ['--- e', '+++ a', '@@ -1,2 +1,1 @@', ' a', '-b'].join('\n'),
    );
  });
});

describe('prepareRustProgram (rustdoc-style wrapping)', () => {
  it('leaves a program with fn main as it is', () => {
    const program = prepareRustProgram('fn main() {\n    println!("hi");\n}\n');
    assert.equal(program.wrapped, false);
    assert.equal(program.source, 'fn main() {\n    println!("hi");\n}\n');
    assert.equal(program.lineOffset, 0);
  });

  it('finds fn main in any form but not in a comment', () => {
    assert.ok(hasMainFunction('async fn main() {}'));
    assert.ok(hasMainFunction('pub fn main ( ) {}'));
    assert.ok(!hasMainFunction('// fn main() is added for you\nlet x = 1;'));
    assert.ok(!hasMainFunction('fn mainly() {}'));
  });

  it('wraps a snippet in fn main, one line above its body', () => {
    const program = prepareRustProgram('let x = 1;\nprintln!("{x}");');
    assert.equal(program.source, 'fn main() {\nlet x = 1;\nprintln!("{x}");\n}\n');
    assert.equal(program.lineOffset, 1);
    assert.equal(program.prefixLines, 0);
    assert.equal(program.formatSource, 'fn main() {\n    let x = 1;\n    println!("{x}");\n}\n');
  });

  it('keeps crate attributes, extern crate and leading comments outside', () => {
    const program = prepareRustProgram(
      '#![allow(\n    dead_code,\n)]\n// setup\nextern crate core;\n\nstruct Order;\nlet _ = Order;',
    );
    assert.equal(program.prefixLines, 6);
    assert.equal(
      program.source,
      '#![allow(\n    dead_code,\n)]\n// setup\nextern crate core;\n\nfn main() {\nstruct Order;\nlet _ = Order;\n}\n',
    );
  });

  it('keeps use lines inside fn main, as rustdoc does', () => {
    assert.equal(prepareRustProgram('use std::fmt;\nlet x = 1;').source, 'fn main() {\nuse std::fmt;\nlet x = 1;\n}\n');
  });

  it('lets a snippet that ends in (()) use ?', () => {
    const program = prepareRustProgram('let n: u32 = "4".parse()?;\nOk::<(), std::num::ParseIntError>(())');
    assert.match(
      program.source,
      /^fn main\(\) \{ fn _inner\(\) -> core::result::Result<\(\), impl core::fmt::Debug> \{\n/,
    );
    assert.match(program.source, /\n\} _inner\(\)\.unwrap\(\) \}\n$/);
    assert.equal(program.lineOffset, 1);
  });

  it('turns rustfmt output of the wrapper back into the snippet', () => {
    const program = prepareRustProgram('let x=1;');
    assert.equal(unwrapFormatted('fn main() {\n    let x = 1;\n}\n', program), 'let x = 1;');
  });
});

describe('parseDiagnostics', () => {
  const stderr = [
    'warning: unused variable: `x`',
    ' --> src/main.rs:2:9',
    '  |',
    'error[E0382]: borrow of moved value: `v`',
    ' --> src/main.rs:4:20',
    'error: expected `;`, found `}`',
    'error: aborting due to 2 previous errors; 1 warning emitted',
    'warning: 1 warning emitted',
    'For more information about this error, try `rustc --explain E0382`.',
  ].join('\n');

  it('reads levels, codes, headers and locations, skipping the summary lines', () => {
    assert.deepEqual(parseDiagnostics(stderr), [
      {level: 'warning', header: 'warning: unused variable: `x`', location: 'src/main.rs:2:9'},
      {level: 'error', code: 'E0382', header: 'error[E0382]: borrow of moved value: `v`', location: 'src/main.rs:4:20'},
      {level: 'error', header: 'error: expected `;`, found `}`'},
    ]);
  });

  it('reads clippy lint names as codes', () => {
    assert.equal(parseDiagnostics('warning[clippy::len_zero]: length comparison to zero')[0]?.code, 'clippy::len_zero');
  });
});

describe('raisedException', () => {
  it('reads the type and line of the last traceback', () => {
    const stderr = [
      'Traceback (most recent call last):',
      '  File "main.py", line 1, in <module>',
      'KeyError: 0',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "main.py", line 3, in <module>',
      '    raise ValueError("bad price")',
      'ValueError: bad price',
    ].join('\n');
    assert.deepEqual(raisedException(stderr), {type: 'ValueError', line: 'ValueError: bad price'});
  });

  it('reads dotted names and exceptions without a message', () => {
    assert.equal(
      raisedException(
        'Traceback (most recent call last):\n  File "main.py", line 2\njson.decoder.JSONDecodeError: Expecting value',
      )?.type,
      'json.decoder.JSONDecodeError',
    );
    assert.equal(
      raisedException('Traceback (most recent call last):\n  File "main.py", line 2\nKeyboardInterrupt')?.type,
      'KeyboardInterrupt',
    );
  });

  it('reads a SyntaxError, which has no traceback header', () => {
    const stderr = '  File "main.py", line 1\n    x = (\n        ^\nSyntaxError: \'(\' was never closed';
    assert.equal(raisedException(stderr)?.type, 'SyntaxError');
  });

  it('gives nothing without an exception', () => {
    assert.equal(raisedException('some warning printed by the sample'), undefined);
  });
});

describe('summaryLines and formatVerdict', () => {
  const verdict = (kind: SampleVerdict['kind'], problems: SampleVerdict['problems'] = []): SampleVerdict => ({
    file: 'docs/a.mdx',
    line: 12,
    kind,
    label: '`rust compile_fail=E0382` sample',
    problems,
    cached: false,
    durationMs: 1,
  });

  it('counts passes, failures and kinds, and ends with the plain line CI reads', () => {
    const report = {
      verdicts: [
        verdict('rust run'),
        verdict('compile_fail', [{what: 'compiled without errors', todo: 'fix it'}]),
        verdict('python run'),
        verdict('included'),
      ],
      versions: [],
      pages: 1,
      durationMs: 1,
    };
    assert.deepEqual(summaryLines(report), [
      'samples: 3 passed, 1 failed (rust run 1, no_run 0, should_panic 0, test 0, compile_fail 1, python run 1, raises 0, ignored 0, included 1)',
      '3 passed, 1 failed',
    ]);
  });

  it('prints path:line: what is wrong; what to do, with details indented', () => {
    const text = formatVerdict(
      verdict('compile_fail', [{what: 'compiled without errors', todo: 'make it fail', details: '\nwarning: x\n  |'}]),
    );
    assert.equal(
      text,
      'docs/a.mdx:12: `rust compile_fail=E0382` sample compiled without errors; make it fail\n    warning: x\n      |',
    );
  });
});
