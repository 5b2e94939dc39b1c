/**
 * Server-rendered HTML of <CheatSheet>, <CheatGroup>, <CheatRow> and
 * <CheatCommand>: each group is an ARIA table named by its heading, with
 * column headers and a row header per task, so screen readers can move along a row
 * or down a column. The layout (side by side or stacked) is the browser's
 * business: tests/e2e/cheatSheet.spec.ts checks it.
 *
 * Run: node --import tsx --test tests/unit/cheatSheetComponent.test.tsx
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {renderToStaticMarkup} from 'react-dom/server';

import './componentHarness';

type CheatSheetModule = typeof import('../../src/components/CheatSheet');
let cheatSheet: CheatSheetModule;

before(async () => {
  // Imported only now, after the CSS stand-in is in place.
  cheatSheet = await import('../../src/components/CheatSheet');
});

function sheet(): string {
  const {default: CheatSheet, CheatGroup, CheatRow, CheatCommand} = cheatSheet;
  return renderToStaticMarkup(
    <CheatSheet>
      <CheatGroup>
        <h2 id="strings">Strings</h2>
        <CheatRow title="Trimming" same>
          <div data-sample="python">python code</div>
          <div data-sample="rust">rust code</div>
          <p>
            <code>trim</code> returns a view.
          </p>
        </CheatRow>
        <CheatCommand title="Running the tests">
          <pre>$ pytest</pre>
          <pre>$ cargo test</pre>
          <p>The note.</p>
        </CheatCommand>
      </CheatGroup>
    </CheatSheet>,
  );
}

describe('server-rendered cheat sheet', () => {
  test('a group is its heading, then a table that the heading names', () => {
    const html = sheet();
    assert.match(
      html,
      /^<div class="cheatSheet" data-cheat-sheet=""><div class="group" data-cheat-group=""><h2 id="strings">Strings<\/h2><div role="table" aria-labelledby="strings">/,
    );
  });

  test('the columns have headers, hidden from the eye but not from screen readers', () => {
    const html = sheet();
    assert.ok(
      html.includes(
        '<div class="visuallyHidden" role="rowgroup"><div role="row"><span role="columnheader">Task</span><span role="columnheader">Python</span><span role="columnheader">Rust</span><span role="columnheader">Note</span></div></div><div role="rowgroup">',
      ),
    );
  });

  test('a row: its task as the row header, then Python, Rust and the note, in that order', () => {
    const html = sheet();
    assert.ok(
      html.includes(
        '<div class="row" role="row" data-cheat-row="sample"><div class="task" role="rowheader">Trimming</div>' +
          '<div class="python" role="cell" data-cheat-cell="python"><span class="cellLabel" aria-hidden="true">Python</span><div data-sample="python">python code</div></div>' +
          '<div class="rust" role="cell" data-cheat-cell="rust"><span class="cellLabel" aria-hidden="true">Rust</span><div data-sample="rust">rust code</div></div>' +
          '<div class="note" role="cell" data-cheat-cell="note"><span class="badge" data-badge="same">Same output</span><p><code>trim</code> returns a view.</p></div></div>',
      ),
    );
  });

  test('a command row says that its commands are not run', () => {
    const html = sheet();
    assert.match(
      html,
      /<div class="row" role="row" data-cheat-row="command">.*<pre>\$ pytest<\/pre>.*<pre>\$ cargo test<\/pre>.*<span class="badge" data-badge="command">Commands, not run here<\/span><p>The note\.<\/p><\/div><\/div>/,
    );
  });

  test('a row without `same` has no badge', () => {
    const {default: CheatSheet, CheatGroup, CheatRow} = cheatSheet;
    const html = renderToStaticMarkup(
      <CheatSheet>
        <CheatGroup>
          <h2 id="lists">Lists</h2>
          <CheatRow title="Indexing past the end">
            <div>python</div>
            <div>rust</div>
            <p>Python raises; Rust panics.</p>
          </CheatRow>
        </CheatGroup>
      </CheatSheet>,
    );
    assert.doesNotMatch(html, /data-badge/);
  });
});
