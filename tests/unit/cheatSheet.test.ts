/**
 * The cheat sheet's build-time check (src/remark/cheatSheet.ts): a golden
 * fixture of a well-formed sheet, one test per authoring mistake with the
 * message it gives, and the real page: enough verified rows, a few tooling
 * rows, each row linked to a section that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {visit} from 'unist-util-visit';

import remarkCheatSheet, {CHEAT_COMMAND, CHEAT_ROW} from '../../src/remark/cheatSheet';
import remarkSamples from '../../src/remark/samples';
import {isJsxElement, stringAttribute} from '../../src/remark/mdxJsx';
import {parsePage} from '../../src/samples/page';
import {anchorProblems} from './docAnchors';
import {readFixture, runRemark, SITE_DIR, updateGolden} from './remarkHarness';

const CHEAT_SHEET_PAGE = 'docs/reference/01-cheat-sheet.mdx';
/** The issue asks for at least 80 verified rows. */
const MIN_VERIFIED_ROWS = 80;

describe('cheat sheet golden fixture', () => {
  test('a well-formed sheet passes unchanged, and its fences become <Sample>s inside the rows', async () => {
    const {input, expected, expectedPath} = readFixture('cheat-sheet');
    const actual = await runRemark([remarkCheatSheet, remarkSamples], input, 'docs/reference/01-cheat-sheet.mdx');
    if (!updateGolden(expectedPath, actual)) {
      assert.equal(actual, expected, `${expectedPath} differs; rerun with UPDATE_GOLDEN=1 and review the diff`);
    }
  });
});

/** A row inside a sheet and a group, starting on line 7. */
function sheet(rows: string): string {
  return `<CheatSheet>\n\n<CheatGroup>\n\n## Strings\n\n${rows}\n\n</CheatGroup>\n\n</CheatSheet>\n`;
}

const PYTHON = '```python\nprint("de".upper())\n```\n\n```text output\nDE\n```\n';
const RUST = '```rust\nprintln!("{}", "de".to_uppercase());\n```\n\n```text output\nDE\n```\n';
const NOTE = 'Both copy. [Upper and lower case](../everyday-rust/04-strings-and-text.mdx#upper-and-lower-case)\n';

function row(body: string, attributes = 'title="Upper case" same'): string {
  return `<CheatRow ${attributes}>\n\n${body}\n</CheatRow>`;
}

describe('cheat sheet authoring mistakes fail with the file, the line and what to do', () => {
  const rejects = (source: string, pattern: RegExp) =>
    assert.rejects(runRemark([remarkCheatSheet], source, 'docs/reference/01-cheat-sheet.mdx'), (error: Error) => {
      assert.match(error.message, pattern);
      return true;
    });

  test('a well-formed row passes', async () => {
    await runRemark([remarkCheatSheet], sheet(row(`${PYTHON}\n${RUST}\n${NOTE}`)), CHEAT_SHEET_PAGE);
  });

  test('a `same` row whose outputs differ', () =>
    rejects(
      sheet(row(`${PYTHON}\n${RUST.replace('\nDE\n', '\nde\n')}\n${NOTE}`)),
      /^docs\/reference\/01-cheat-sheet\.mdx:7: <CheatRow title="Upper case"> is marked `same`, but its two output blocks differ \(lines 13 and 21\): output line 1 is "DE" in python and "de" in rust; make the two samples print the same thing, or drop `same` and say in the note how they differ$/,
    ));

  test('a `same` row with one more output line on one side', () =>
    rejects(
      sheet(row(`${PYTHON.replace('DE\n```', 'DE\nEUR\n```')}\n${RUST}\n${NOTE}`)),
      /output line 2 is "EUR" in python and no line in rust/,
    ));

  test('a `same` row whose sample raises', () =>
    rejects(
      sheet(
        row(
          `\`\`\`python raises=ValueError\nint("n/a")\n\`\`\`\n\n\`\`\`text error\nValueError: invalid literal\n\`\`\`\n\n${RUST}\n${NOTE}`,
        ),
      ),
      /^docs\/reference\/01-cheat-sheet\.mdx:9: <CheatRow title="Upper case"> is marked `same`, but its python sample is not a plain run \(raises=ValueError\); .*drop `same` and say in the note how the two differ$/,
    ));

  test('a sample with nothing under it', () =>
    rejects(
      sheet(row(`\`\`\`python\nprint("DE")\n\`\`\`\n\n${RUST}\n${NOTE}`, 'title="Upper case"')),
      /^docs\/reference\/01-cheat-sheet\.mdx:9: the python sample of <CheatRow title="Upper case"> has no `text output` or `text error` block, so the reader cannot see what it does; run `npm run verify-samples -- docs\/reference\/01-cheat-sheet\.mdx` and paste what it prints$/,
    ));

  test('two rust samples', () =>
    rejects(
      sheet(row(`${RUST}\n${RUST}\n${NOTE}`)),
      /^docs\/reference\/01-cheat-sheet\.mdx:7: <CheatRow title="Upper case"> needs one python sample, then one rust sample, then one paragraph \(the note, with its link\); found rust sample, rust sample, paragraph$/,
    ));

  test('a row without a note', () =>
    rejects(sheet(row(`${PYTHON}\n${RUST}`)), /needs one python sample.*; found python sample, rust sample$/));

  test('a note with no link', () =>
    rejects(
      sheet(row(`${PYTHON}\n${RUST}\nBoth copy.\n`)),
      /^docs\/reference\/01-cheat-sheet\.mdx:25: the note of <CheatRow title="Upper case"> must link to the chapter section that teaches the row, and it has no link; end the note with a Markdown link to a chapter and its #anchor, such as \[Integer overflow\]\(\.\.\/foundations\/05-variables-and-types\.mdx#integer-overflow\)$/,
    ));

  test('a note that links to a chapter without a section, or only to the glossary', () =>
    rejects(
      sheet(
        row(
          `${PYTHON}\n${RUST}\nSee [strings](../everyday-rust/04-strings-and-text.mdx) and [UTF-8](./02-glossary.mdx#utf-8).\n`,
        ),
      ),
      /and its links are \(\.\.\/everyday-rust\/04-strings-and-text\.mdx\), \(\.\/02-glossary\.mdx#utf-8\); end the note/,
    ));

  test('a note as the site build sees it, its link already resolved by Docusaurus', async () => {
    const resolved =
      'Both copy. [Case](/rust-for-python-developers/everyday-rust/strings-and-text#upper-and-lower-case)\n';
    await runRemark([remarkCheatSheet], sheet(row(`${PYTHON}\n${RUST}\n${resolved}`)), CHEAT_SHEET_PAGE);
    await rejects(
      sheet(row(`${PYTHON}\n${RUST}\nSee [UTF-8](/reference/glossary#utf-8).\n`)),
      /must link to the chapter section that teaches the row, and its links are \(\/reference\/glossary#utf-8\)/,
    );
  });

  test('a row without a title', () =>
    rejects(
      sheet(row(`${PYTHON}\n${RUST}\n${NOTE}`, 'same')),
      /^docs\/reference\/01-cheat-sheet\.mdx:7: <CheatRow> needs title="…": the task in a few words/,
    ));

  test('a note given as an attribute', () =>
    rejects(
      sheet(row(`${PYTHON}\n${RUST}\n${NOTE}`, 'title="Upper case" note="Both copy."')),
      /<CheatRow title="Upper case"> has `note`, which it does not take; it takes `title` and `same` \(the note is the paragraph inside the row\)/,
    ));

  test('a command row with output typed into it', () =>
    rejects(
      sheet(
        `<CheatCommand title="Run the tests">\n\n\`\`\`console\n$ pytest\n3 passed\n\`\`\`\n\n\`\`\`console\n$ cargo test\n\`\`\`\n\n${NOTE}\n</CheatCommand>`,
      ),
      /^docs\/reference\/01-cheat-sheet\.mdx:11: a console block of <CheatCommand title="Run the tests"> holds a line that is not a `\$ ` command; these commands are not run/,
    ));

  test('a command row made of samples', () =>
    rejects(
      sheet(`<CheatCommand title="Run the tests">\n\n${PYTHON}\n${RUST}\n${NOTE}\n</CheatCommand>`),
      /<CheatCommand title="Run the tests"> needs two ```console blocks .*; found python sample, rust sample, paragraph$/,
    ));

  test('a row outside a group', () =>
    rejects(
      `<CheatSheet>\n\n${row(`${PYTHON}\n${RUST}\n${NOTE}`)}\n\n</CheatSheet>\n`,
      /^docs\/reference\/01-cheat-sheet\.mdx:3: <CheatRow> belongs directly inside a <CheatGroup>; move it there/,
    ));

  test('a group without its heading', () =>
    rejects(
      `<CheatSheet>\n\n<CheatGroup>\n\n${row(`${PYTHON}\n${RUST}\n${NOTE}`)}\n\n</CheatGroup>\n\n</CheatSheet>\n`,
      /^docs\/reference\/01-cheat-sheet\.mdx:5: <CheatGroup> opens with a `##` heading naming its topic/,
    ));

  test('prose between rows', () =>
    rejects(
      sheet(`${row(`${PYTHON}\n${RUST}\n${NOTE}`)}\n\nA stray remark.\n`),
      /^docs\/reference\/01-cheat-sheet\.mdx:29: <CheatGroup> holds its heading, then only <CheatRow> and <CheatCommand> elements; move this paragraph into a row's note or out of the group$/,
    ));
});

describe('the cheat sheet page', () => {
  const source = fs.readFileSync(path.join(SITE_DIR, CHEAT_SHEET_PAGE), 'utf8');
  const tree = parsePage(source);
  const rows: {readonly name: string; readonly title: string; readonly links: string[]}[] = [];
  visit(tree, (node) => {
    if (isJsxElement(node, CHEAT_ROW) || isJsxElement(node, CHEAT_COMMAND)) {
      const links: string[] = [];
      visit(node, 'link', (link) => {
        links.push(link.url);
      });
      rows.push({name: node.name ?? '', title: stringAttribute(node, 'title') ?? '', links});
    }
  });
  const verified = rows.filter((row) => row.name === CHEAT_ROW);
  const commands = rows.filter((row) => row.name === CHEAT_COMMAND);

  test(`has at least ${MIN_VERIFIED_ROWS} verified rows, and tooling rows are a minority`, () => {
    assert.ok(
      verified.length >= MIN_VERIFIED_ROWS,
      `${CHEAT_SHEET_PAGE} has ${verified.length} <CheatRow>s; the sheet promises at least ${MIN_VERIFIED_ROWS} verified rows`,
    );
    assert.ok(
      commands.length * 4 <= verified.length,
      `${CHEAT_SHEET_PAGE} has ${commands.length} <CheatCommand>s for ${verified.length} verified rows; keep unverified rows under a fifth`,
    );
  });

  test('no two rows have the same title', () => {
    const titles = rows.map((row) => row.title);
    assert.deepEqual(
      titles.filter((title, index) => titles.indexOf(title) !== index),
      [],
      'give each row a title of its own',
    );
  });

  test('every link of every row goes to a page and a heading that exist', () => {
    const links = rows.flatMap((row) => row.links);
    assert.deepEqual(anchorProblems(CHEAT_SHEET_PAGE, links), []);
  });
});
