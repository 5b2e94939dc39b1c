import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import type {Root} from 'mdast';
import type {Plugin, Processor} from 'unified';

import remarkHighlightCode, {highlightCode, readFenceWords} from '../../src/remark/highlightCode';
import remarkIncludeCode from '../../src/remark/includeCode';
import remarkProtoFields, {readMessage} from '../../src/remark/protoFields';
import {extractRegion} from '../../src/samples/regions';
import remarkReferenceLinks from '../../src/remark/referenceLinks';
import remarkSamples from '../../src/remark/samples';
import {INCLUDE_SITE_DIR, readFixture, runRemark, SITE_DIR, updateGolden} from './remarkHarness';

async function assertGolden(name: string, plugins: Parameters<typeof runRemark>[0], siteDir?: string): Promise<void> {
  const {input, expected, expectedPath} = readFixture(name);
  const actual = await runRemark(plugins, input, undefined, siteDir);
  if (!updateGolden(expectedPath, actual)) {
    assert.equal(actual, expected, `${expectedPath} differs; rerun with UPDATE_GOLDEN=1 and review the diff`);
  }
}

describe('remark golden fixtures', () => {
  test('samples: fences become <Sample>, hidden lines leave the page, result blocks get titles', async () => {
    await assertGolden('samples-code-compare', [remarkSamples]);
  });
  test('includeCode: a region is cut out of a file, dedented, without its anchor lines', async () => {
    await assertGolden('include-region', [remarkIncludeCode, remarkSamples], INCLUDE_SITE_DIR);
  });
  test('referenceLinks: RefCards get their titles from the catalogue', async () => {
    await assertGolden('refcard-titles', [remarkReferenceLinks]);
  });
  test('protoFields: a message becomes a table of its fields, with their comments', async () => {
    await assertGolden('proto-fields', [remarkProtoFields]);
  });
  test('highlightCode: every fence becomes a <CodeBlock> of highlighted HTML', async () => {
    await assertGolden('highlight-code', [remarkSamples, highlightWithToml]);
  });
});

/** The highlighter as the site configures it for TOML, which prism-react-renderer does not bundle. */
const highlightWithToml: Plugin<[], Root> = function (this: Processor) {
  return remarkHighlightCode.call(this, {languages: ['toml']});
};

describe('highlightCode', () => {
  const textOf = (html: string): string =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  test("the HTML's text is the code, exactly, in every language", () => {
    const code = 'fn main() {\n    let total = 3 & 4; // <ok>\n\n    println!("{total}");\n}';
    for (const language of ['rust', 'python', 'text', undefined]) {
      assert.equal(textOf(highlightCode(code, language, readFenceWords('')).html), code);
      assert.equal(textOf(highlightCode(code, language, readFenceWords('{2-3} showLineNumbers')).html), `${code}\n`);
    }
  });
  test('runs of one colour share a span, spaces between them too; the most frequent colour has none', () => {
    assert.deepEqual(highlightCode('let rows: &[u32] = vec![3];', 'rust', readFenceWords('')), {
      html: '<span class=k>let</span> <span class=x>rows</span>: &amp;[<span class=k>u32</span>] = <span class=n>vec!</span>[<span class=m>3</span>];',
      base: 'punctuation',
    });
  });
  test('text with no grammar has no span at all', () => {
    assert.deepEqual(highlightCode('3 orders, total 92.48 EUR\n<done>', 'text', readFenceWords('')), {
      html: '3 orders, total 92.48 EUR\n&lt;done&gt;',
      base: 'text',
    });
  });
  test('the words of a fence: title, highlighted lines, numbering', () => {
    assert.deepEqual(readFenceWords('title="src/main.rs" {1,3-4} showLineNumbers=5'), {
      title: 'src/main.rs',
      highlightedLines: new Set([1, 3, 4]),
      firstLineNumber: 5,
    });
    assert.deepEqual(readFenceWords(null), {highlightedLines: new Set()});
  });
});

describe('authoring mistakes fail with the file and line', () => {
  const rejects = (source: string, plugins: Parameters<typeof runRemark>[0], pattern: RegExp, siteDir?: string) =>
    assert.rejects(runRemark(plugins, source, 'docs/part/chapter.mdx', siteDir), (error: Error) => {
      assert.match(error.message, pattern);
      return true;
    });

  test('a CodeCompare with two rust samples', () =>
    rejects(
      '<CodeCompare>\n\n```rust\nfn main() {}\n```\n\n```rust\nfn main() {}\n```\n\n</CodeCompare>\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:1: <CodeCompare> needs one python sample followed by one rust sample; found rust and rust$/,
    ));
  test('a CodeCompare with prose inside', () =>
    rejects(
      '<CodeCompare>\n\n```python\nprint(1)\n```\n\nSome prose.\n\n```rust\nfn main() {}\n```\n\n</CodeCompare>\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:7: <CodeCompare> holds only its two samples/,
    ));
  test('an output block with no sample above it', () =>
    rejects(
      'Text.\n\n```text output\n7\n```\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:3: a `text output` block must follow a python or rust sample/,
    ));
  test('an unknown fence attribute', () =>
    rejects(
      '\n```rust nope\nfn main() {}\n```\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:2: unknown attribute `nope` on a rust sample/,
    ));
  test('compile_fail without a code', () =>
    rejects(
      '```rust compile_fail\nfn main() {}\n```\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:1: `compile_fail` needs the error code/,
    ));
  test('a Rust Book link to a page that does not exist', () =>
    rejects(
      'Line one.\n\nSee [ownership](https://doc.rust-lang.org/book/ch04-01-what-is-ownershp.html).\n',
      [remarkReferenceLinks],
      /^docs\/part\/chapter\.mdx:3: https:\/\/doc\.rust-lang\.org\/book\/ch04-01-what-is-ownershp\.html is not a page in the reference catalogue; closest real page: https:\/\/doc\.rust-lang\.org\/book\/ch04-01-what-is-ownership\.html/,
    ));
  test('a RefCard to an anchor that does not exist', () =>
    rejects(
      '<RefCard href="https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html#the-stack-and-heap" why="x" />\n',
      [remarkReferenceLinks],
      /^docs\/part\/chapter\.mdx:1: .*"What is Ownership\?" has no heading #the-stack-and-heap; closest real anchor: https:\/\/doc\.rust-lang\.org\/book\/ch04-01-what-is-ownership\.html#the-stack-and-the-heap/,
    ));
  test('a RefCard without a reason', () =>
    rejects(
      '<RefCard href="https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html" />\n',
      [remarkReferenceLinks],
      /^docs\/part\/chapter\.mdx:1: <RefCard href=".*"> needs why="…"/,
    ));
  test('an included region that does not exist', () =>
    rejects(
      '```rust file="examples/money.rs" region=parse_quantity\n```\n',
      [remarkIncludeCode],
      /^docs\/part\/chapter\.mdx:1: this fence cannot include region `parse_quantity`: examples\/money\.rs has no region `parse_quantity`; regions there: parse_price, inner/,
      INCLUDE_SITE_DIR,
    ));
  test('a sample included from outside examples/', () =>
    rejects(
      '```rust file="src/samples/page.ts"\n```\n',
      [remarkIncludeCode],
      /^docs\/part\/chapter\.mdx:1: this fence includes "src\/samples\/page\.ts", which is not in examples\/; include only code from examples\//,
    ));
  test('an included fence with code in its body', () =>
    rejects(
      '```rust file="examples/money.rs"\nfn main() {}\n```\n',
      [remarkIncludeCode],
      /^docs\/part\/chapter\.mdx:1: this fence has code in its body, but takes its code from "examples\/money\.rs"; leave the fence body empty/,
      INCLUDE_SITE_DIR,
    ));
  test('a lookalike fence that would not be checked', () =>
    rejects(
      'Text.\n\n```rs\nfn main() {}\n```\n',
      [remarkSamples],
      /^docs\/part\/chapter\.mdx:3: ```rs is not checked; write ```rust/,
    ));
  test('a ProtoFields file that does not exist', () =>
    rejects(
      'Intro.\n\n<ProtoFields file="examples/etl/proto/orders.proto" message="Order" />\n',
      [remarkProtoFields],
      /^docs\/part\/chapter\.mdx:3: <ProtoFields> file "examples\/etl\/proto\/orders\.proto" does not exist; give a \.proto path from the repository root/,
    ));
  test('a ProtoFields message that does not exist', () =>
    rejects(
      '<ProtoFields file="tests/unit/fixtures/proto/shipments.proto" message="Order" />\n',
      [remarkProtoFields],
      /^docs\/part\/chapter\.mdx:1: <ProtoFields>: tests\/unit\/fixtures\/proto\/shipments\.proto has no message `Order`; messages there: Shipment, Address, Empty; fix message="…"$/,
    ));
  test('a ProtoFields message without fields', () =>
    rejects(
      '<ProtoFields file="tests/unit/fixtures/proto/shipments.proto" message="Empty" />\n',
      [remarkProtoFields],
      /^docs\/part\/chapter\.mdx:1: <ProtoFields>: .* message `Empty` has no fields the table could show/,
    ));
  test('a ProtoFields without its message', () =>
    rejects(
      '<ProtoFields file="examples/etl/proto/order.proto" />\n',
      [remarkProtoFields],
      /^docs\/part\/chapter\.mdx:1: <ProtoFields> needs file="…" and message="…"/,
    ));
  test('a ProtoFields inside a sentence', () =>
    rejects(
      'The fields: <ProtoFields file="examples/etl/proto/order.proto" message="Order" /> and more.\n',
      [remarkProtoFields],
      /^docs\/part\/chapter\.mdx:1: <ProtoFields> becomes a table, so it needs a line of its own/,
    ));
  test('a magic highlight comment', () =>
    rejects(
      'Text.\n\n```rust\nfn main() {\n    // highlight-next-line\n    let x = 1;\n}\n```\n',
      [remarkHighlightCode],
      /^docs\/part\/chapter\.mdx:5: magic highlight comments are not supported; remove the comment and list the lines on the fence instead/,
    ));
  test('an included file that does not exist', () =>
    rejects(
      '```rust file="examples/nowhere.rs"\n```\n',
      [remarkIncludeCode],
      /^docs\/part\/chapter\.mdx:1: this fence includes "examples\/nowhere\.rs", which does not exist/,
    ));
});

describe('extractRegion', () => {
  test('the whole file without anchor lines when no region is named', () => {
    assert.equal(extractRegion('a\n// ANCHOR: x\nb\n// ANCHOR_END: x\n', undefined).text, 'a\nb');
  });
  test('blank lines at either end of a region are trimmed', () => {
    assert.equal(extractRegion('# ANCHOR: x\n\n    a = 1\n\n# ANCHOR_END: x\n', 'x').text, 'a = 1');
  });
  test('a region opened twice is refused', () => {
    assert.match(extractRegion('# ANCHOR: x\n# ANCHOR: x\n# ANCHOR_END: x\n', 'x').problem ?? '', /exactly one/);
  });
});

describe('readMessage', () => {
  test("the book's own contract: every field of Order, in order, with its number", () => {
    const source = fs.readFileSync(path.join(SITE_DIR, 'examples/etl/proto/order.proto'), 'utf8');
    const fields = readMessage(source, 'Order').fields ?? [];
    assert.deepEqual(
      fields.map((field) => `${field.number} ${field.type} ${field.name}`),
      [
        '1 string order_id',
        '2 int64 ordered_at_ms',
        '3 bytes customer_key',
        '4 string country',
        '5 string sku',
        '6 uint32 quantity',
        '7 int64 unit_price_cents',
        '8 string currency',
        '9 int64 total_eur_cents',
      ],
    );
  });
  test("the welcome chapter's CSV-to-Order table names every field of Order once, in the contract's order", () => {
    const proto = fs.readFileSync(path.join(SITE_DIR, 'examples/etl/proto/order.proto'), 'utf8');
    const chapter = fs.readFileSync(path.join(SITE_DIR, 'docs/foundations/01-welcome.mdx'), 'utf8');
    const header = chapter.split('\n').findIndex((line) => /^\| CSV field .*\| `Order` field +\|$/.test(line));
    assert.notEqual(
      header,
      -1,
      'docs/foundations/01-welcome.mdx: the table "| CSV field | … | `Order` field |" is gone',
    );
    const named = chapter
      .split('\n')
      .slice(header + 2)
      .filter((line, index, rows) => line.startsWith('|') && rows.slice(0, index).every((row) => row.startsWith('|')))
      .map((line) => /`(\w+)`\s*\|$/.exec(line)?.[1] ?? `(no field in: ${line})`);
    assert.deepEqual(
      named,
      (readMessage(proto, 'Order').fields ?? []).map((field) => field.name),
      'docs/foundations/01-welcome.mdx: make the right-hand column of the CSV table match examples/etl/proto/order.proto',
    );
  });
  test('a field option does not hide the field', () => {
    assert.equal(
      readMessage('message Row {\n  int32 old = 1 [deprecated = true];\n}\n', 'Row').fields?.[0]?.name,
      'old',
    );
  });
});
