/**
 * The cheat sheet on a phone, on a wide screen and on paper: on a 360px phone
 * each row stacks (task, Python, Rust, note, one under the other) and nothing
 * scrolls sideways, code included; on a wide screen Python and Rust sit side
 * by side; in print every row is kept whole and all code is on the page.
 */
import {expect, test, type Locator, type Page} from '@playwright/test';

import {horizontalOverflow, widestElements} from './pageAudit';

const CHEAT_SHEET = 'reference/cheat-sheet';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a row's Python, Rust and note cells are, read in one go from one layout: code blocks off
 * screen are laid out as they scroll near (content-visibility), and the browser then shifts the
 * page to keep the reader's place, so boxes read one call apart could come from two layouts.
 */
async function cellBoxes(
  row: Locator,
): Promise<{readonly task: Box; readonly python: Box; readonly rust: Box; readonly note: Box}> {
  const {task, python, rust, note} = await row.evaluate((element) => {
    const box = (selector: string) => {
      const rect = element.querySelector(selector)?.getBoundingClientRect();
      return rect && {x: rect.x, y: rect.y, width: rect.width, height: rect.height};
    };
    return {
      task: box('[role=rowheader]'),
      python: box('[data-cheat-cell=python]'),
      rust: box('[data-cheat-cell=rust]'),
      note: box('[data-cheat-cell=note]'),
    };
  });
  expect(task && python && rust && note, 'the row has a task, a Python, a Rust and a note cell').toBeTruthy();
  return {task: task!, python: python!, rust: rust!, note: note!};
}

/** The first, a middle and the last verified row: enough to catch a layout that holds only at the top. */
async function sampleRows(page: Page): Promise<Locator[]> {
  const rows = page.locator('[data-cheat-row=sample]');
  const count = await rows.count();
  expect(count, 'verified rows on the page').toBeGreaterThanOrEqual(80);
  return [rows.first(), rows.nth(Math.floor(count / 2)), rows.last()];
}

/** Code blocks in the sheet whose text is wider than the block: code that is cut off or scrolls. */
async function cutOffCode(page: Page): Promise<string[]> {
  return page
    .locator('[data-cheat-sheet] pre')
    .evaluateAll((blocks) =>
      blocks
        .filter((block) => block.scrollWidth > block.clientWidth + 1)
        .map((block) => block.textContent.split('\n')[0]!.slice(0, 60)),
    );
}

test.describe('on a 360px phone', () => {
  test.use({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true, deviceScaleFactor: 2});

  test('each row stacks Python above Rust, and nothing scrolls sideways', async ({page}) => {
    await page.goto(CHEAT_SHEET, {waitUntil: 'networkidle'});
    for (const row of await sampleRows(page)) {
      await row.scrollIntoViewIfNeeded();
      const {task, python, rust, note} = await cellBoxes(row);
      const title = (await row.getByRole('rowheader').innerText()).trim();
      expect(python.y, `"${title}": Python under the task`).toBeGreaterThanOrEqual(task.y + task.height - 1);
      expect(rust.y, `"${title}": Rust under Python`).toBeGreaterThanOrEqual(python.y + python.height - 1);
      expect(note.y, `"${title}": the note under Rust`).toBeGreaterThanOrEqual(rust.y + rust.height - 1);
      expect(Math.abs(rust.x - python.x), `"${title}": Python and Rust start at the same left edge`).toBeLessThan(2);
      expect(rust.width, `"${title}": Rust takes the column's width`).toBeGreaterThan(300);
    }
    const overflow = await horizontalOverflow(page);
    expect(
      overflow,
      `the page is ${overflow}px wider than the screen: ${(await widestElements(page)).join('; ')}`,
    ).toBe(0);
    expect(await cutOffCode(page), 'code blocks that need sideways scrolling').toEqual([]);
  });
});

test.describe('on a 1280px screen', () => {
  test.use({viewport: {width: 1280, height: 900}});

  test('Python and Rust sit side by side, the note under both', async ({page}) => {
    await page.goto(CHEAT_SHEET, {waitUntil: 'networkidle'});
    for (const row of await sampleRows(page)) {
      await row.scrollIntoViewIfNeeded();
      const {python, rust, note} = await cellBoxes(row);
      expect(Math.abs(rust.y - python.y), 'Python and Rust start on one line').toBeLessThan(2);
      expect(rust.x, 'Rust to the right of Python').toBeGreaterThanOrEqual(python.x + python.width);
      expect(note.y, 'the note under both').toBeGreaterThanOrEqual(
        Math.max(python.y + python.height, rust.y + rust.height) - 1,
      );
    }
    expect(await horizontalOverflow(page)).toBe(0);
  });

  test('each group is a table named by its heading, with Python and Rust column headers', async ({page}) => {
    await page.goto(CHEAT_SHEET, {waitUntil: 'networkidle'});
    const strings = page.getByRole('table', {name: 'Strings'});
    await expect(strings).toHaveCount(1);
    await expect(strings.getByRole('columnheader', {name: 'Python'})).toHaveCount(1);
    await expect(strings.getByRole('columnheader', {name: 'Rust'})).toHaveCount(1);
    await expect(strings.getByRole('rowheader', {name: 'Length in characters'})).toHaveCount(1);
  });
});

test('in print, rows are kept whole, every line of code is on the page, and the Playground links are gone', async ({
  page,
}) => {
  // A4 at 96 dpi less Chromium's default margins: the width a printed page gives the sheet.
  await page.setViewportSize({width: 718, height: 1000});
  await page.goto(CHEAT_SHEET, {waitUntil: 'networkidle'});
  await page.emulateMedia({media: 'print'});
  for (const row of await sampleRows(page)) {
    expect(await row.evaluate((element) => getComputedStyle(element).breakInside)).toBe('avoid');
    await expect(row.locator('[data-cheat-cell=python] pre').first()).toBeVisible();
    await expect(row.locator('[data-cheat-cell=rust] pre').first()).toBeVisible();
  }
  await expect(page.getByRole('link', {name: /Run in Rust Playground/}).first()).toBeHidden();
  expect(await cutOffCode(page), 'code blocks cut off on paper').toEqual([]);
});
