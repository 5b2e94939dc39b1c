/**
 * How a Rust sample becomes a whole program, the way rustdoc builds a doctest:
 * leading `#![…]` crate attributes, `extern crate` lines and comments stay
 * outside, the rest goes inside `fn main() { … }` (inside a function returning
 * `Result` when the code ends in `(())`, so `?` works). One module, so the
 * sample verifier compiles and the Playground link carries the same program.
 */
import {joinHiddenLines, type HiddenLine} from './fence';

export interface RustProgram {
  /** What rustc compiles. */
  readonly source: string;
  readonly wrapped: boolean;
  /** Leading lines kept outside `fn main` (crate attributes, extern crate, comments). */
  readonly prefixLines: number;
  /** Lines the wrapper inserts before the sample's body (0 or 1). */
  readonly lineOffset: number;
  /** What rustfmt checks: the sample as rustdoc sees it, body indented inside `fn main`. */
  readonly formatSource: string;
  /** The same program laid out for a reader (the Playground link): indented, one wrapper line each. */
  readonly readableSource: string;
}

function withoutLineComment(line: string): string {
  const at = line.indexOf('//');
  return at === -1 ? line : line.slice(0, at);
}

/** True when the code defines `fn main` (rustdoc's test, as text: comments skipped). */
export function hasMainFunction(code: string): boolean {
  return code.split('\n').some((line) => /\bfn\s+main\s*\(/.test(withoutLineComment(line)));
}

/** How many leading lines rustdoc keeps outside `fn main` (its partition_source). */
function leadingCrateLines(lines: readonly string[]): number {
  let index = 0;
  let seenExternCrate = false;
  while (index < lines.length) {
    const trimmed = lines[index]!.trim();
    const isComment = trimmed.startsWith('//') && !trimmed.startsWith('///');
    if (!seenExternCrate && trimmed.startsWith('#![')) {
      // An attribute may span lines: take lines until its brackets balance.
      let depth = 0;
      do {
        for (const char of lines[index]!) {
          if (char === '[') depth += 1;
          if (char === ']') depth -= 1;
        }
        index += 1;
      } while (depth > 0 && index < lines.length);
      continue;
    }
    if (trimmed === '' || isComment) {
      index += 1;
      continue;
    }
    if (/^(#\[macro_use\]\s*)?extern\s+crate\b/.test(trimmed)) {
      seenExternCrate = true;
      index += 1;
      continue;
    }
    break;
  }
  return index;
}

const MAIN_OPEN = 'fn main() {';
const RESULT_MAIN_OPEN = 'fn main() { fn _inner() -> core::result::Result<(), impl core::fmt::Debug> {';
const RESULT_MAIN_CLOSE = '} _inner().unwrap() }';

/**
 * The sample as a whole program, the way rustdoc builds a doctest. A test
 * crate (a `test` sample, compiled with `--test`) is never wrapped: libtest
 * writes its `main`, and `#[test]` functions inside `fn main` would not run.
 */
export function prepareRustProgram(full: string, options: {readonly testCrate?: boolean} = {}): RustProgram {
  const code = full.replace(/\s+$/, '');
  if (options.testCrate === true || hasMainFunction(code)) {
    return {
      source: `${code}\n`,
      wrapped: false,
      prefixLines: 0,
      lineOffset: 0,
      formatSource: `${code}\n`,
      readableSource: `${code}\n`,
    };
  }
  const lines = code.split('\n');
  const prefixLines = leadingCrateLines(lines);
  const prefix = lines.slice(0, prefixLines);
  const body = lines.slice(prefixLines);
  const returnsResult = code.endsWith('(())');
  const source = [
    ...prefix,
    returnsResult ? RESULT_MAIN_OPEN : MAIN_OPEN,
    ...body,
    returnsResult ? RESULT_MAIN_CLOSE : '}',
  ].join('\n');
  const indent = (by: string) => body.map((line) => (line === '' ? line : `${by}${line}`));
  const formatSource = [...prefix, MAIN_OPEN, ...indent('    '), '}'].join('\n');
  const readableSource = returnsResult
    ? [
        ...prefix,
        MAIN_OPEN,
        '    fn run() -> Result<(), impl std::fmt::Debug> {',
        ...indent('        '),
        '    }',
        '    run().unwrap();',
        '}',
      ].join('\n')
    : formatSource;
  return {
    source: `${source}\n`,
    wrapped: true,
    prefixLines,
    lineOffset: 1,
    formatSource: `${formatSource}\n`,
    readableSource: `${readableSource}\n`,
  };
}

/** Undoes the formatting wrapper: rustfmt's output in the sample's own terms. */
export function unwrapFormatted(formatted: string, program: RustProgram): string | undefined {
  if (!program.wrapped) {
    return formatted;
  }
  const lines = formatted.replace(/\n+$/, '').split('\n');
  const open = lines.indexOf(MAIN_OPEN);
  if (open === -1 || lines[lines.length - 1] !== '}') {
    return undefined;
  }
  const body = lines.slice(open + 1, -1).map((line) => (line.startsWith('    ') ? line.slice(4) : line));
  return [...lines.slice(0, open), ...body].join('\n');
}

/** The Rust Playground, set to the sample's edition, with no code. */
export function playgroundHome(edition: '2021' | '2024'): string {
  return `https://play.rust-lang.org/?version=stable&mode=debug&edition=${edition}`;
}

/** A link that opens the sample, hidden lines included, in the Rust Playground. */
export function playgroundUrl(
  full: string,
  edition: '2021' | '2024',
  options: {readonly testCrate?: boolean} = {},
): string {
  const code = prepareRustProgram(full, options).readableSource;
  return `${playgroundHome(edition)}&code=${encodeURIComponent(code)}`;
}

/**
 * What a page keeps to open a sample in the Playground when the reader asks:
 * everything but the code it already shows. src/remark/samples.ts writes it
 * as JSON on the sample; src/components/Sample builds the link on the click.
 */
export interface PlaygroundSource {
  readonly edition: '2021' | '2024';
  /** A `test` sample: compiled with `--test`, never wrapped in `fn main`. */
  readonly testCrate?: boolean;
  /** The lines the page hides, with their place in the full code. */
  readonly hidden?: readonly HiddenLine[];
}

/** The Playground link for a sample, from the code the page shows and its PlaygroundSource. */
export function playgroundUrlFromPage(shown: string, source: PlaygroundSource): string {
  return playgroundUrl(joinHiddenLines(shown, source.hidden ?? []), source.edition, {
    testCrate: source.testCrate === true,
  });
}
