/**
 * Fills a code fence from a file in the repository, so the book shows the
 * real code of examples/ and never a pasted copy.
 *
 * Takes: a fence with `file="examples/…"` and optionally `region=name`, whose
 * body in the MDX is empty. Gives: the fence with the file's text, or just the
 * lines between `ANCHOR: name` and `ANCHOR_END: name` (any comment style, as
 * in the Rust Book), dedented and trimmed of blank lines at either end, with
 * other ANCHOR lines removed. A missing file
 * or region fails the build with the doc's path and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Code, Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';

import {AuthoringError} from './authoringError';
import {tokenizeMeta} from './sampleFence';

const ANCHOR_LINE = /\bANCHOR(_END)?:\s*([\w-]+)/;

export interface RegionResult {
  readonly text?: string;
  readonly problem?: string;
}

/** Removes the common indentation and any blank lines at either end. */
function dedent(allLines: readonly string[]): string {
  let start = 0;
  let end = allLines.length;
  while (start < end && allLines[start]!.trim() === '') {
    start += 1;
  }
  while (end > start && allLines[end - 1]!.trim() === '') {
    end -= 1;
  }
  const lines = allLines.slice(start, end);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

/** The names of every region a file defines. */
export function regionNames(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split('\n')) {
    const match = ANCHOR_LINE.exec(line);
    if (match && match[1] === undefined) {
      names.push(match[2]!);
    }
  }
  return names;
}

/** Cuts one named region (or the whole file, without anchor lines) out of a source file. */
export function extractRegion(source: string, region: string | undefined): RegionResult {
  const lines = source.replace(/\n$/, '').split('\n');
  if (region === undefined) {
    return {text: dedent(lines.filter((line) => !ANCHOR_LINE.test(line)))};
  }
  const starts = lines.flatMap((line, index) => {
    const match = ANCHOR_LINE.exec(line);
    return match && match[1] === undefined && match[2] === region ? [index] : [];
  });
  const ends = lines.flatMap((line, index) => {
    const match = ANCHOR_LINE.exec(line);
    return match && match[1] !== undefined && match[2] === region ? [index] : [];
  });
  if (starts.length === 0) {
    const known = [...new Set(regionNames(source))];
    return {problem: `has no region \`${region}\`; regions there: ${known.length > 0 ? known.join(', ') : 'none'}`};
  }
  if (starts.length > 1 || ends.length !== 1 || ends[0]! < starts[0]!) {
    return {
      problem: `region \`${region}\` needs exactly one ANCHOR: ${region} line followed by one ANCHOR_END: ${region} line`,
    };
  }
  const body = lines.slice(starts[0]! + 1, ends[0]).filter((line) => !ANCHOR_LINE.test(line));
  return {text: dedent(body)};
}

const remarkIncludeCode: Plugin<[], Root> = () => (tree, file) => {
  const siteDir = file.cwd ?? process.cwd();
  visit(tree, 'code', (node: Code) => {
    const tokens = tokenizeMeta(node.meta ?? '');
    const fileToken = tokens.find((token) => token.key === 'file');
    if (!fileToken) {
      return;
    }
    const relative = fileToken.value ?? '';
    const region = tokens.find((token) => token.key === 'region')?.value;
    const absolute = path.resolve(siteDir, relative);
    if (!relative || !absolute.startsWith(siteDir + path.sep) || !fs.existsSync(absolute)) {
      throw new AuthoringError(
        file,
        node,
        `included file "${relative}" does not exist; give a path from the repository root, such as file="examples/etl/rust/src/main.rs"`,
      );
    }
    if (node.value.trim() !== '') {
      throw new AuthoringError(
        file,
        node,
        `a fence with file="${relative}" takes its code from that file; leave its body empty`,
      );
    }
    const result = extractRegion(fs.readFileSync(absolute, 'utf8'), region);
    if (result.text === undefined) {
      throw new AuthoringError(
        file,
        node,
        `${relative} ${result.problem ?? 'cannot be included'}; add the ANCHOR comments or fix the name`,
      );
    }
    node.value = result.text;
  });
};

export default remarkIncludeCode;
