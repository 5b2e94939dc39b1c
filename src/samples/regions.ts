/**
 * Code included from a file of the repository: which file and region a fence
 * asks for, and the text it gets. One module for the page (src/remark/
 * includeCode.ts fills the fence) and the sample verifier (which checks a
 * sample's include without running it), so both accept and refuse the same.
 *
 * A region is the lines between `ANCHOR: name` and `ANCHOR_END: name`
 * comments (any comment style, as in the Rust Book), dedented and trimmed of
 * blank lines at either end, with other ANCHOR lines removed.
 */
import fs from 'node:fs';
import path from 'node:path';

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

export interface IncludeRequest {
  /** The repository root; `file` is relative to it. */
  readonly root: string;
  /** `file="…"` as written on the fence. */
  readonly file: string;
  readonly region?: string;
  /** The fence's body as written: it must be empty. */
  readonly body: string;
  /**
   * A ```rust or ```python sample may include only code from examples/, where
   * that project's own tests check it; other fences (toml, text) any file.
   */
  readonly sample: boolean;
}

export type IncludeResult =
  {readonly ok: true; readonly text: string} | {readonly ok: false; readonly what: string; readonly todo: string};

/** Reads the code a `file=… region=…` fence includes, or says what is wrong and what to do. */
export function readInclude(request: IncludeRequest): IncludeResult {
  const {file, region} = request;
  const normalised = path.posix.normalize(file);
  if (file === '' || normalised.startsWith('..') || path.isAbsolute(normalised)) {
    return {
      ok: false,
      what: `includes "${file}", which is outside the repository`,
      todo: 'give a path from the repository root, such as file="examples/etl/rust/src/main.rs"',
    };
  }
  if (request.sample && !normalised.startsWith('examples/')) {
    return {
      ok: false,
      what: `includes "${file}", which is not in examples/`,
      todo: 'include only code from examples/, where its project\'s tests check it (file="examples/…")',
    };
  }
  const absolute = path.join(request.root, normalised);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
    return {
      ok: false,
      what: `includes "${file}", which does not exist`,
      todo: 'give a path from the repository root, such as file="examples/etl/rust/src/main.rs"',
    };
  }
  if (request.body.trim() !== '') {
    return {
      ok: false,
      what: `has code in its body, but takes its code from "${file}"`,
      todo: 'leave the fence body empty',
    };
  }
  const result = extractRegion(fs.readFileSync(absolute, 'utf8'), region);
  if (result.text === undefined) {
    return {
      ok: false,
      what: `cannot include ${region === undefined ? file : `region \`${region}\``}: ${file} ${result.problem ?? 'cannot be read'}`,
      todo:
        region === undefined
          ? 'fix the file'
          : `mark it with one \`ANCHOR: ${region}\` line and one \`ANCHOR_END: ${region}\` line in the file, or fix the name`,
    };
  }
  return {ok: true, text: result.text};
}
