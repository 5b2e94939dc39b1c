/**
 * The fence language of the book's samples: what may follow ```rust, ```python
 * and ```text on the opening line, and which lines of a sample are hidden.
 *
 * Takes a fence's language and metastring; gives the parsed attributes or a
 * message that says what is wrong and what to write instead. The remark
 * plugins that render samples and the sample verifier both read fences
 * through this one module, so the page and the test never disagree.
 */

export type SampleLanguage = 'rust' | 'python';

/** How the verifier treats a sample. */
export type SampleMode =
  | {readonly kind: 'run'}
  | {readonly kind: 'no_run'}
  | {readonly kind: 'should_panic'}
  /** Compiled with `--test` and run as a test binary; `fails` when the run must fail (exit code 101). */
  | {readonly kind: 'test'; readonly fails: boolean}
  /** Error codes (`E0382`) or deny-by-default lint names (`unconditional_panic`). */
  | {readonly kind: 'compile_fail'; readonly errorCodes: readonly string[]}
  | {readonly kind: 'raises'; readonly exception: string}
  | {readonly kind: 'ignore'; readonly reason: string}
  /** Code included from a file in examples/, checked by that project's tests. */
  | {readonly kind: 'include'; readonly file: string; readonly region?: string};

export interface SampleAttributes {
  readonly language: SampleLanguage;
  readonly mode: SampleMode;
  /** Rust edition the sample compiles with. */
  readonly edition: '2021' | '2024';
  /** Attributes that belong to Docusaurus' CodeBlock (title, line highlights). */
  readonly passThrough: string;
}

export type ParseResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string};

export const DEFAULT_EDITION = '2024';

/** Words that Docusaurus' own CodeBlock understands; kept for the page. */
const CODEBLOCK_KEYS = new Set(['title', 'showLineNumbers']);

interface Token {
  readonly key: string;
  readonly value?: string;
  readonly raw: string;
}

/** Splits `a b=c title="x y" {1,3}` into tokens, honouring double quotes. */
export function tokenizeMeta(meta: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|[^\s"]+))?|(\S+)/g;
  for (const match of meta.matchAll(pattern)) {
    const raw = match[0];
    if (match[3] !== undefined) {
      tokens.push({key: raw, raw});
      continue;
    }
    const key = match[1]!;
    let value = match[2];
    if (value !== undefined && value.startsWith('"')) {
      value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    tokens.push(value === undefined ? {key, raw} : {key, value, raw});
  }
  return tokens;
}

const ERROR_CODE = /^E\d{4}$/;
/** A lint an error can come from when it has no code, e.g. `unconditional_panic` or `clippy::absurd_extreme_comparisons`. */
const LINT_NAME = /^[a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)?$/;
const EXCEPTION_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

const RUST_WORDS =
  'no_run, should_panic, test, test=fails, compile_fail=E0382, compile_fail=lint_name, ignore="reason", edition2021, edition2024';
const PYTHON_WORDS = 'raises=ValueError, ignore="reason"';
const INCLUDE_WORDS = 'file="examples/…" region=name';

/** Parses the metastring of a ```rust or ```python fence. */
export function parseSampleMeta(
  language: SampleLanguage,
  meta: string | null | undefined,
): ParseResult<SampleAttributes> {
  const modes: SampleMode[] = [];
  const passThrough: string[] = [];
  let edition: '2021' | '2024' = DEFAULT_EDITION;
  let file: string | undefined;
  let region: string | undefined;
  const known = language === 'rust' ? RUST_WORDS : PYTHON_WORDS;
  const fail = (message: string): ParseResult<SampleAttributes> => ({ok: false, message});

  for (const token of tokenizeMeta(meta ?? '')) {
    if (CODEBLOCK_KEYS.has(token.key) || /^\{[\d,\s-]+\}$/.test(token.raw)) {
      passThrough.push(token.raw);
      continue;
    }
    switch (token.key) {
      case 'ignore':
        if (!token.value?.trim()) {
          return fail(`\`ignore\` needs a reason: write ignore="why this sample is not checked"`);
        }
        modes.push({kind: 'ignore', reason: token.value.trim()});
        continue;
      case 'file':
        if (!token.value) {
          return fail('`file` needs a path: write file="examples/etl/rust/src/main.rs"');
        }
        file = token.value;
        continue;
      case 'region':
        if (!token.value) {
          return fail('`region` needs a name: write region=parse_price');
        }
        region = token.value;
        continue;
    }
    if (language === 'rust') {
      if (token.key === 'no_run' && token.value === undefined) {
        modes.push({kind: 'no_run'});
        continue;
      }
      if (token.key === 'should_panic' && token.value === undefined) {
        modes.push({kind: 'should_panic'});
        continue;
      }
      if (token.key === 'test' && (token.value === undefined || token.value === 'fails')) {
        modes.push({kind: 'test', fails: token.value === 'fails'});
        continue;
      }
      if (token.key === 'test') {
        return fail(
          `\`test=${token.value}\` is not known; write test (every test passes) or test=fails (the run fails)`,
        );
      }
      if (token.key === 'edition2021' || token.key === 'edition2024') {
        edition = token.key === 'edition2021' ? '2021' : '2024';
        continue;
      }
      if (token.key === 'compile_fail') {
        const codes = (token.value ?? '')
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean);
        if (codes.length === 0) {
          return fail('`compile_fail` needs the error code(s) it must fail with: write compile_fail=E0382');
        }
        const bad = codes.find((code) => !ERROR_CODE.test(code) && !LINT_NAME.test(code));
        if (bad !== undefined) {
          return fail(
            `\`${bad}\` is not a rustc error code or lint name; write compile_fail=E0382 (E and four digits) or compile_fail=unconditional_panic (a deny-by-default lint)`,
          );
        }
        modes.push({kind: 'compile_fail', errorCodes: codes});
        continue;
      }
    } else if (token.key === 'raises') {
      if (!token.value || !EXCEPTION_NAME.test(token.value)) {
        return fail('`raises` needs the exception type it must raise: write raises=ValueError');
      }
      modes.push({kind: 'raises', exception: token.value});
      continue;
    }
    return fail(
      `unknown attribute \`${token.raw}\` on a ${language} sample; known: ${known}, ${INCLUDE_WORDS}, title="…"`,
    );
  }

  if (region !== undefined && file === undefined) {
    return fail('`region` needs `file` too: write file="examples/…" region=name');
  }
  if (file !== undefined) {
    if (modes.length > 0) {
      return fail("an included sample (`file=`) is checked by its project's own tests; drop the other attributes");
    }
    modes.push(region === undefined ? {kind: 'include', file} : {kind: 'include', file, region});
  }
  if (modes.length > 1) {
    return fail(`a sample takes one of ${known}; found ${modes.map((m) => m.kind).join(' and ')}`);
  }
  return {
    ok: true,
    value: {language, mode: modes[0] ?? {kind: 'run'}, edition, passThrough: passThrough.join(' ')},
  };
}

/** ```text output: the sample's expected stdout. ```text error: lines its stderr must contain. */
export type ResultBlockKind = 'output' | 'error';

/** Tells whether a ```text fence is a sample's output or error block, or plain text. */
export function resultBlockKind(
  language: string | null | undefined,
  meta: string | null | undefined,
): ResultBlockKind | undefined {
  if (language !== 'text') {
    return undefined;
  }
  const words = tokenizeMeta(meta ?? '').map((token) => token.key);
  if (words.includes('output')) {
    return 'output';
  }
  if (words.includes('error')) {
    return 'error';
  }
  return undefined;
}

/** A hidden line: its index among the lines of the full code, and its text there. */
export type HiddenLine = readonly [index: number, text: string];

export interface SplitCode {
  /** What the reader sees on the page. */
  readonly shown: string;
  /** What the compiler or interpreter gets (and the Playground link carries). */
  readonly full: string;
  /** The lines of `full` that `shown` leaves out: with `shown`, they give `full` back (joinHiddenLines). */
  readonly hidden: readonly HiddenLine[];
}

/**
 * Hidden lines, compiled or run but not shown.
 * Rust (as rustdoc and mdBook): a line `# code` or a lone `#`; `##` shows as `#`.
 * Python: a line whose comment is exactly `# hide` at its end (ruff-safe).
 */
export function splitHiddenLines(language: SampleLanguage, code: string): SplitCode {
  const shown: string[] = [];
  const full: string[] = [];
  const hidden: HiddenLine[] = [];
  const hide = (text: string): void => {
    hidden.push([full.length, text]);
    full.push(text);
  };
  for (const line of code.split('\n')) {
    if (language === 'rust') {
      const trimmed = line.trimStart();
      if (trimmed === '#' || trimmed.startsWith('# ')) {
        hide(trimmed === '#' ? '' : line.replace('# ', ''));
        continue;
      }
      if (trimmed.startsWith('##')) {
        const unescaped = line.replace('##', '#');
        shown.push(unescaped);
        full.push(unescaped);
        continue;
      }
    } else if (/\s#\s*hide\s*$/.test(line) || /^#\s*hide\s*$/.test(line.trim())) {
      hide(line.replace(/\s*#\s*hide\s*$/, ''));
      continue;
    }
    shown.push(line);
    full.push(line);
  }
  return {shown: shown.join('\n'), full: full.join('\n'), hidden};
}

/** The full code again, from the code a page shows and the lines it hides (splitHiddenLines). */
export function joinHiddenLines(shown: string, hidden: readonly HiddenLine[]): string {
  if (hidden.length === 0) {
    return shown;
  }
  const shownLines = shown.split('\n');
  const full: string[] = [];
  let next = 0;
  for (const [index, text] of hidden) {
    while (full.length < index && next < shownLines.length) {
      full.push(shownLines[next]!);
      next += 1;
    }
    full.push(text);
  }
  return [...full, ...shownLines.slice(next)].join('\n');
}
