/**
 * The fence grammar shared by the page renderer and the sample verifier
 * (src/remark/sampleFence.ts): tokenizer, each attribute, hidden lines.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';

import {playgroundHome, playgroundUrl, playgroundUrlFromPage, prepareRustProgram} from '../../src/samples/rustProgram';
import {
  joinHiddenLines,
  parseSampleMeta,
  resultBlockKind,
  splitHiddenLines,
  tokenizeMeta,
} from '../../src/samples/fence';

/** The program the Playground link carries, without its final newline. */
const wrapRustSnippet = (full: string): string => prepareRustProgram(full).readableSource.replace(/\n$/, '');

function parsed(language: 'rust' | 'python', meta: string) {
  const result = parseSampleMeta(language, meta);
  assert.ok(result.ok, `expected ${language} "${meta}" to parse: ${result.ok ? '' : result.message}`);
  return result.value;
}

function rejected(language: 'rust' | 'python', meta: string): string {
  const result = parseSampleMeta(language, meta);
  assert.ok(!result.ok, `expected ${language} "${meta}" to be rejected`);
  return result.message;
}

describe('tokenizeMeta', () => {
  it('splits words, key=value pairs and quoted values', () => {
    assert.deepEqual(tokenizeMeta('no_run title="src/main.rs" compile_fail=E0382'), [
      {key: 'no_run', raw: 'no_run'},
      {key: 'title', value: 'src/main.rs', raw: 'title="src/main.rs"'},
      {key: 'compile_fail', value: 'E0382', raw: 'compile_fail=E0382'},
    ]);
  });

  it('keeps spaces and escaped quotes inside double quotes', () => {
    assert.deepEqual(tokenizeMeta('ignore="needs \\"network\\" access"'), [
      {key: 'ignore', value: 'needs "network" access', raw: 'ignore="needs \\"network\\" access"'},
    ]);
  });

  it('keeps line-highlight ranges whole', () => {
    assert.deepEqual(
      tokenizeMeta('{1,3-4} showLineNumbers').map((token) => token.raw),
      ['{1,3-4}', 'showLineNumbers'],
    );
  });

  it('gives nothing for an empty metastring', () => {
    assert.deepEqual(tokenizeMeta(''), []);
    assert.deepEqual(tokenizeMeta('   '), []);
  });
});

describe('parseSampleMeta for rust', () => {
  it('runs a plain sample with edition 2024', () => {
    assert.deepEqual(parsed('rust', ''), {language: 'rust', mode: {kind: 'run'}, edition: '2024', passThrough: ''});
  });

  it('reads no_run and should_panic', () => {
    assert.deepEqual(parsed('rust', 'no_run').mode, {kind: 'no_run'});
    assert.deepEqual(parsed('rust', 'should_panic').mode, {kind: 'should_panic'});
  });

  it('reads compile_fail with one code or several', () => {
    assert.deepEqual(parsed('rust', 'compile_fail=E0382').mode, {kind: 'compile_fail', errorCodes: ['E0382']});
    assert.deepEqual(parsed('rust', 'compile_fail=E0382,E0499').mode, {
      kind: 'compile_fail',
      errorCodes: ['E0382', 'E0499'],
    });
  });

  it('reads compile_fail with a deny-by-default lint instead of a code', () => {
    assert.deepEqual(parsed('rust', 'compile_fail=unconditional_panic').mode, {
      kind: 'compile_fail',
      errorCodes: ['unconditional_panic'],
    });
  });

  it('rejects compile_fail without a code, or with something that is not a code', () => {
    assert.match(rejected('rust', 'compile_fail'), /needs the error code\(s\).*compile_fail=E0382/);
    assert.match(rejected('rust', 'compile_fail=E382'), /`E382` is not a rustc error code or lint name/);
  });

  it('reads test and test=fails, and rejects other values', () => {
    assert.deepEqual(parsed('rust', 'test').mode, {kind: 'test', fails: false});
    assert.deepEqual(parsed('rust', 'test=fails').mode, {kind: 'test', fails: true});
    assert.match(rejected('rust', 'test=passes'), /`test=passes` is not known; write test .* or test=fails/);
  });

  it('reads the editions', () => {
    assert.equal(parsed('rust', 'edition2021').edition, '2021');
    assert.equal(parsed('rust', 'edition2024').edition, '2024');
    assert.equal(parsed('rust', 'no_run edition2021').mode.kind, 'no_run');
  });

  it('reads ignore with a reason, and rejects it without one', () => {
    assert.deepEqual(parsed('rust', 'ignore="needs a network"').mode, {kind: 'ignore', reason: 'needs a network'});
    assert.match(rejected('rust', 'ignore'), /`ignore` needs a reason/);
    assert.match(rejected('rust', 'ignore=""'), /`ignore` needs a reason/);
  });

  it('keeps Docusaurus words for the page', () => {
    const value = parsed('rust', 'title="src/main.rs" showLineNumbers {2} no_run');
    assert.equal(value.passThrough, 'title="src/main.rs" showLineNumbers {2}');
    assert.equal(value.mode.kind, 'no_run');
  });

  it('rejects unknown words and python words, naming the known ones', () => {
    assert.match(
      rejected('rust', 'no_rnu'),
      /unknown attribute `no_rnu` on a rust sample; known: no_run, should_panic/,
    );
    assert.match(rejected('rust', 'raises=ValueError'), /unknown attribute `raises=ValueError`/);
  });

  it('rejects two modes at once', () => {
    assert.match(rejected('rust', 'no_run should_panic'), /takes one of .*found no_run and should_panic/);
  });

  it('reads file= and region= as an included sample', () => {
    assert.deepEqual(parsed('rust', 'file="examples/etl/src/main.rs" region=parse_price').mode, {
      kind: 'include',
      file: 'examples/etl/src/main.rs',
      region: 'parse_price',
    });
    assert.deepEqual(parsed('rust', 'file="examples/etl/src/main.rs"').mode, {
      kind: 'include',
      file: 'examples/etl/src/main.rs',
    });
  });

  it('rejects region without file, and file with another mode', () => {
    assert.match(rejected('rust', 'region=parse_price'), /`region` needs `file` too/);
    assert.match(rejected('rust', 'file="examples/a.rs" no_run'), /drop the other attributes/);
  });
});

describe('parseSampleMeta for python', () => {
  it('runs a plain sample', () => {
    assert.deepEqual(parsed('python', '').mode, {kind: 'run'});
  });

  it('reads raises with a plain or dotted exception name', () => {
    assert.deepEqual(parsed('python', 'raises=ZeroDivisionError').mode, {
      kind: 'raises',
      exception: 'ZeroDivisionError',
    });
    assert.deepEqual(parsed('python', 'raises=json.decoder.JSONDecodeError').mode, {
      kind: 'raises',
      exception: 'json.decoder.JSONDecodeError',
    });
  });

  it('rejects raises without a type', () => {
    assert.match(rejected('python', 'raises'), /`raises` needs the exception type/);
    assert.match(rejected('python', 'raises=1Error'), /`raises` needs the exception type/);
  });

  it('reads ignore', () => {
    assert.deepEqual(parsed('python', 'ignore="reads stdin"').mode, {kind: 'ignore', reason: 'reads stdin'});
  });

  it('rejects rust words', () => {
    assert.match(
      rejected('python', 'no_run'),
      /unknown attribute `no_run` on a python sample; known: raises=ValueError/,
    );
    assert.match(rejected('python', 'compile_fail=E0382'), /unknown attribute/);
    assert.match(rejected('python', 'edition2021'), /unknown attribute/);
  });
});

describe('resultBlockKind', () => {
  it('knows text output and text error', () => {
    assert.equal(resultBlockKind('text', 'output'), 'output');
    assert.equal(resultBlockKind('text', 'error'), 'error');
    assert.equal(resultBlockKind('text', 'output title="Output"'), 'output');
  });

  it('leaves plain text and other languages alone', () => {
    assert.equal(resultBlockKind('text', ''), undefined);
    assert.equal(resultBlockKind('text', null), undefined);
    assert.equal(resultBlockKind('console', 'output'), undefined);
    assert.equal(resultBlockKind(null, 'output'), undefined);
  });
});

describe('splitHiddenLines for rust', () => {
  it('hides `# ` lines and lone `#` lines but compiles them', () => {
    const code = ['# use std::fmt;', '#', 'fn main() {', '    # let hidden = 1;', '    println!("shown");', '}'].join(
      '\n',
    );
    const {shown, full} = splitHiddenLines('rust', code);
    assert.equal(shown, ['fn main() {', '    println!("shown");', '}'].join('\n'));
    assert.equal(
      full,
      ['use std::fmt;', '', 'fn main() {', '    let hidden = 1;', '    println!("shown");', '}'].join('\n'),
    );
  });

  it('shows `##` as `#` and keeps attributes', () => {
    const code = ['##[derive(Debug)]', '#[derive(Clone)]', '#![allow(unused)]', 'struct Order;'].join('\n');
    const {shown, full} = splitHiddenLines('rust', code);
    assert.equal(shown, ['#[derive(Debug)]', '#[derive(Clone)]', '#![allow(unused)]', 'struct Order;'].join('\n'));
    assert.equal(full, shown);
  });

  it('leaves Python-style `# hide` comments alone', () => {
    const {shown} = splitHiddenLines('rust', 'let x = 1; // # hide');
    assert.equal(shown, 'let x = 1; // # hide');
  });
});

describe('splitHiddenLines for python', () => {
  it('hides lines ending in `# hide` and runs them without the marker', () => {
    const code = ['import statistics  # hide', '', 'print(statistics.mean([1, 2]))'].join('\n');
    const {shown, full} = splitHiddenLines('python', code);
    assert.equal(shown, ['', 'print(statistics.mean([1, 2]))'].join('\n'));
    assert.equal(full, ['import statistics', '', 'print(statistics.mean([1, 2]))'].join('\n'));
  });

  it('keeps indentation of hidden lines and ignores `# hide` inside strings', () => {
    const code = [
      'def total(rows):',
      '    rows = list(rows)  # hide',
      '    return sum(rows)',
      'print("# hide me")',
    ].join('\n');
    const {shown, full} = splitHiddenLines('python', code);
    assert.equal(shown, ['def total(rows):', '    return sum(rows)', 'print("# hide me")'].join('\n'));
    assert.equal(
      full,
      ['def total(rows):', '    rows = list(rows)', '    return sum(rows)', 'print("# hide me")'].join('\n'),
    );
  });

  it('treats Rust-style `# ` lines as plain Python comments', () => {
    const {shown, full} = splitHiddenLines('python', '# a comment\nprint(1)');
    assert.equal(shown, '# a comment\nprint(1)');
    assert.equal(full, shown);
  });
});

describe('joinHiddenLines (the page keeps only the hidden lines)', () => {
  const cases: ReadonlyArray<readonly ['rust' | 'python', string]> = [
    [
      'rust',
      ['# use std::fmt;', '#', 'fn main() {', '    # let hidden = 1;', '    println!("shown");', '}'].join('\n'),
    ],
    ['rust', ['fn main() {', '    println!("no hidden line");', '}'].join('\n')],
    ['rust', ['fn main() {', '    println!("last line hidden");', '}', '# fn helper() {}'].join('\n')],
    ['rust', ['# fn a() {}', '# fn b() {}', '', '# fn c() {}'].join('\n')],
    ['python', ['import statistics  # hide', '', 'print(statistics.mean([1, 2]))', 'x = 1  # hide'].join('\n')],
  ];
  for (const [language, code] of cases) {
    it(`gives the full code back from what the page shows: ${JSON.stringify(code.slice(0, 30))}…`, () => {
      const split = splitHiddenLines(language, code);
      assert.equal(joinHiddenLines(split.shown, split.hidden), split.full);
    });
  }

  it('gives the full code of every sample in docs/ back', () => {
    let checked = 0;
    for (const file of fs.readdirSync('docs', {recursive: true, encoding: 'utf8'})) {
      if (!/\.mdx?$/.test(file)) continue;
      const source = fs.readFileSync(path.join('docs', file), 'utf8');
      for (const match of source.matchAll(/^\s*```(rust|python)[^\n]*\n([\s\S]*?)^\s*```$/gm)) {
        const split = splitHiddenLines(match[1] as 'rust' | 'python', match[2]!.replace(/\n$/, ''));
        assert.equal(joinHiddenLines(split.shown, split.hidden), split.full, `${file}: ${match[2]!.slice(0, 60)}`);
        checked += 1;
      }
    }
    assert.ok(checked > 100, `only ${checked} samples found in docs/`);
  });
});

describe('readableSource (the Playground link)', () => {
  /** Compiles and runs a program with the pinned rustc; gives its stdout. */
  function runRust(source: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-fence-'));
    try {
      const binary = path.join(dir, 'main');
      const compiled = spawnSync('rustc', ['--edition', '2024', '-', '-o', binary], {input: source, encoding: 'utf8'});
      assert.equal(compiled.status, 0, `${source}\n${compiled.stderr}`);
      return spawnSync(binary, [], {encoding: 'utf8'}).stdout;
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  }

  it('leaves a program with fn main alone', () => {
    assert.equal(wrapRustSnippet('fn main() {}'), 'fn main() {}');
  });

  it('wraps a snippet in fn main, after crate attributes, indented', () => {
    assert.equal(
      wrapRustSnippet('#![allow(dead_code)]\nlet x = 1;\nprintln!("{x}");'),
      '#![allow(dead_code)]\nfn main() {\n    let x = 1;\n    println!("{x}");\n}',
    );
  });

  it('gives a program that compiles, also for a snippet that uses ? and ends in (())', () => {
    assert.equal(runRust(wrapRustSnippet('let rows = [3, 4];\nprintln!("{}", rows.len());')), '2\n');
    assert.equal(
      runRust(
        wrapRustSnippet('let count: u32 = "42".parse()?;\nprintln!("{count}");\nOk::<(), std::num::ParseIntError>(())'),
      ),
      '42\n',
    );
  });

  it('links to the Playground with the edition', () => {
    assert.match(
      playgroundUrl('let x = 1;', '2021'),
      /^https:\/\/play\.rust-lang\.org\/\?version=stable&mode=debug&edition=2021&code=fn%20main/,
    );
    assert.equal(playgroundHome('2024'), 'https://play.rust-lang.org/?version=stable&mode=debug&edition=2024');
  });

  it('builds the same link from the code a page shows and what it keeps besides', () => {
    const code = [
      '# use std::collections::BTreeMap;',
      'let mut totals = BTreeMap::new();',
      '# totals.insert("eu", 3);',
      'println!("{totals:?}");',
    ].join('\n');
    const split = splitHiddenLines('rust', code);
    assert.equal(
      playgroundUrlFromPage(split.shown, {edition: '2024', hidden: split.hidden}),
      playgroundUrl(split.full, '2024'),
    );
    const test = '#[test]\nfn adds() {\n    assert_eq!(1 + 1, 2);\n}';
    assert.equal(
      playgroundUrlFromPage(test, {edition: '2021', testCrate: true}),
      playgroundUrl(test, '2021', {testCrate: true}),
    );
  });
});
