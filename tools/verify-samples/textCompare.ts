/**
 * Compares what a sample printed with what its page says it prints.
 *
 * Takes real stdout/stderr and the text of ```text output / ```text error
 * blocks; gives normalised lines, the "contiguous run of lines" test of error
 * blocks, and a small unified diff for failure messages.
 */

import {normaliseLines} from '../../src/samples/outputLines';

export {normaliseLines};

/** Like normaliseLines, and drops leading blank lines too (for error blocks). */
export function normaliseBlockLines(text: string): string[] {
  const lines = normaliseLines(text);
  while (lines.length > 0 && lines[0] === '') {
    lines.shift();
  }
  return lines;
}

/**
 * Since Rust 1.88 a panic names the thread's id, which changes on every run:
 * `thread 'main' (12345) panicked at …`. Error blocks may show any id, or none.
 */
export function withoutThreadIds(line: string): string {
  return line.replace(/^(thread '[^']*') \(\d+\) panicked/, '$1 panicked');
}

/** Where `needle` occurs as a contiguous run of lines in `haystack`, or -1. */
export function findContiguousLines(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) {
    return 0;
  }
  const hay = haystack.map(withoutThreadIds);
  const want = needle.map(withoutThreadIds);
  for (let start = 0; start + want.length <= hay.length; start += 1) {
    let matches = true;
    for (let offset = 0; offset < want.length; offset += 1) {
      if (hay[start + offset] !== want[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) {
      return start;
    }
  }
  return -1;
}

type Edit = {readonly op: ' ' | '-' | '+'; readonly line: string};

/** A shortest edit script by longest common subsequence; samples print little, so O(n·m) is fine. */
function editScript(expected: readonly string[], actual: readonly string[]): Edit[] {
  const rows = expected.length;
  const columns = actual.length;
  if (rows * columns > 4_000_000) {
    return [...expected.map((line): Edit => ({op: '-', line})), ...actual.map((line): Edit => ({op: '+', line}))];
  }
  // lcs[i][j]: length of the LCS of expected[i..] and actual[j..].
  const lcs: Uint32Array[] = Array.from({length: rows + 1}, () => new Uint32Array(columns + 1));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      lcs[i]![j] = expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (expected[i] === actual[j]) {
      edits.push({op: ' ', line: expected[i]!});
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      edits.push({op: '-', line: expected[i]!});
      i += 1;
    } else {
      edits.push({op: '+', line: actual[j]!});
      j += 1;
    }
  }
  for (; i < rows; i += 1) {
    edits.push({op: '-', line: expected[i]!});
  }
  for (; j < columns; j += 1) {
    edits.push({op: '+', line: actual[j]!});
  }
  return edits;
}

/**
 * A unified diff (`--- expected`, `+++ actual`, `@@` hunks) of two line
 * lists; empty when they are equal.
 */
export function unifiedDiff(
  expected: readonly string[],
  actual: readonly string[],
  labels: {readonly expected: string; readonly actual: string},
  context = 3,
): string {
  const edits = editScript(expected, actual);
  if (edits.every((edit) => edit.op === ' ')) {
    return '';
  }
  const changed = edits.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  // Group changes whose context windows touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      hunks.push([start, end]);
    }
  }
  const out = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  for (const [start, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (const edit of edits.slice(0, start)) {
      if (edit.op !== '+') oldLine += 1;
      if (edit.op !== '-') newLine += 1;
    }
    const slice = edits.slice(start, end);
    const oldCount = slice.filter((edit) => edit.op !== '+').length;
    const newCount = slice.filter((edit) => edit.op !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
    );
    for (const edit of slice) {
      out.push(`${edit.op}${edit.line}`);
    }
  }
  return out.join('\n');
}

/** Indents every line of a detail block under a failure message. */
export function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : prefix + line))
    .join('\n');
}
