/**
 * What a sample is, in a page of the book. One definition, read by the page
 * renderer (src/remark/samples.ts), the sample verifier
 * (tools/verify-samples/) and the unit tests, so the page and the check never
 * disagree about which code is a sample or which output belongs to it.
 *
 * A sample is a ```rust or ```python fence, at any depth (inside JSX such as
 * <CodeCompare> or <QuizQuestion> too), with the ```text output and ```text
 * error blocks that follow it as siblings, only blank lines between. Its
 * fence words are read by fence.ts; its hidden lines split off there too.
 *
 * Takes a page's mdast tree (or its source, parsed as the site parses it);
 * gives its samples in page order and the authoring mistakes found on the
 * way: a result block with no sample above it, a second output or error
 * block, a fence language that looks like a sample's but would not be checked.
 */
import type {Code, Parent, Root, RootContent} from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

import {
  parseSampleMeta,
  type ParseResult,
  resultBlockKind,
  type ResultBlockKind,
  type SampleAttributes,
  type SampleLanguage,
  type SplitCode,
  splitHiddenLines,
} from './fence';

export interface ResultBlock {
  readonly kind: ResultBlockKind;
  readonly text: string;
  /** Line of the block's opening fence. */
  readonly line: number;
}

export interface Sample {
  /** The page's path as printed in messages (relative to the repository). */
  readonly file: string;
  /** Line of the sample's opening fence. */
  readonly line: number;
  readonly language: SampleLanguage;
  readonly meta: string;
  /** The fence's body as written, hidden-line markers included. */
  readonly code: string;
  /** What the reader sees (`shown`) and what the compiler gets (`full`). */
  readonly split: SplitCode;
  readonly attributes: ParseResult<SampleAttributes>;
  readonly output?: ResultBlock;
  readonly error?: ResultBlock;
  /** The fence and its result blocks as they stand in the tree, for the renderer. */
  readonly nodes: {readonly fence: Code; readonly results: readonly Code[]};
}

export interface AuthoringProblem {
  readonly file: string;
  readonly line: number;
  /** `what is wrong; what to do`. */
  readonly message: string;
}

/** One parent's children, with each sample's fence and result blocks taken together. */
export type SiblingItem = {readonly sample: Sample} | {readonly node: RootContent};

/** Fence languages that look like a sample's but would not be checked. */
const LOOKALIKE_LANGUAGES: Readonly<Record<string, SampleLanguage>> = {
  rs: 'rust',
  Rust: 'rust',
  py: 'python',
  py3: 'python',
  python3: 'python',
  Python: 'python',
};

export function isSampleFence(node: RootContent | undefined): node is Code & {lang: SampleLanguage} {
  return node?.type === 'code' && (node.lang === 'rust' || node.lang === 'python');
}

function resultKind(node: RootContent | undefined): ResultBlockKind | undefined {
  return node?.type === 'code' ? resultBlockKind(node.lang, node.meta) : undefined;
}

function lineOf(node: {position?: {start: {line: number}}}): number {
  return node.position?.start.line ?? 1;
}

/** A code fence that is not a sample, but was probably meant to be one. */
function lookalikeProblem(node: Code): string | undefined {
  const lang = node.lang ?? '';
  const intended = LOOKALIKE_LANGUAGES[lang];
  if (intended !== undefined) {
    return `\`\`\`${lang} is not checked; write \`\`\`${intended} (add ignore="reason" if it must not be run)`;
  }
  const comma = /^(rust|python)[,{]/.exec(lang);
  if (comma) {
    return `\`\`\`${lang} is not checked: attributes go after a space, not a comma; write \`\`\`${comma[1]} ${lang.slice(comma[1]!.length + 1)}`;
  }
  return undefined;
}

/**
 * Reads one parent's children: each sample fence with the result blocks that
 * follow it becomes one item; everything else stays an item of its own.
 */
export function groupSamples(
  children: readonly RootContent[],
  file: string,
): {readonly items: SiblingItem[]; readonly problems: AuthoringProblem[]} {
  const items: SiblingItem[] = [];
  const problems: AuthoringProblem[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    if (isSampleFence(child)) {
      const results: Code[] = [];
      let output: ResultBlock | undefined;
      let error: ResultBlock | undefined;
      while (resultKind(children[index + 1]) !== undefined) {
        const block = children[index + 1] as Code;
        const kind = resultKind(block)!;
        const result: ResultBlock = {kind, text: block.value, line: lineOf(block)};
        if ((kind === 'output' ? output : error) !== undefined) {
          problems.push({
            file,
            line: result.line,
            message: `a second \`text ${kind}\` block for the sample at line ${lineOf(child)}; a sample takes one output block and one error block, so merge them`,
          });
        } else if (kind === 'output') {
          output = result;
        } else {
          error = result;
        }
        results.push(block);
        index += 1;
      }
      items.push({
        sample: {
          file,
          line: lineOf(child),
          language: child.lang,
          meta: child.meta ?? '',
          code: child.value,
          split: splitHiddenLines(child.lang, child.value),
          attributes: parseSampleMeta(child.lang, child.meta),
          ...(output ? {output} : {}),
          ...(error ? {error} : {}),
          nodes: {fence: child, results},
        },
      });
      continue;
    }
    const kind = resultKind(child);
    if (kind !== undefined) {
      problems.push({
        file,
        line: lineOf(child),
        message: `a \`text ${kind}\` block must follow a python or rust sample (only blank lines between); move it right under its sample, or drop the word \`${kind}\` if it is plain text`,
      });
    } else if (child.type === 'code') {
      const lookalike = lookalikeProblem(child);
      if (lookalike !== undefined) {
        problems.push({file, line: lineOf(child), message: lookalike});
      }
    }
    items.push({node: child});
  }
  return {items, problems};
}

export interface PageSamples {
  readonly samples: Sample[];
  readonly problems: AuthoringProblem[];
}

/** Every sample of a parsed page, and the authoring problems, both in page order. */
export function samplesOfTree(tree: Root, file: string): PageSamples {
  const samples: Sample[] = [];
  const problems: AuthoringProblem[] = [];
  visit(tree, (node) => {
    if (!('children' in node)) {
      return;
    }
    const grouped = groupSamples((node as Parent).children, file);
    for (const item of grouped.items) {
      if ('sample' in item) samples.push(item.sample);
    }
    problems.push(...grouped.problems);
  });
  samples.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line);
  return {samples, problems};
}

/**
 * Front matter is YAML, not MDX; Docusaurus strips it before parsing. Blank it
 * out line for line so that line numbers stay those of the file.
 */
function blankFrontMatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(source);
  if (!match) {
    return source;
  }
  return source.slice(0, match[0].length).replace(/[^\n]/g, '') + source.slice(match[0].length);
}

/** Parses a page as the site does (MDX and maths; plain Markdown with `mdx: false`). */
export function parsePage(source: string, options: {readonly mdx?: boolean} = {}): Root {
  const processor = unified().use(remarkParse);
  if (options.mdx !== false) {
    processor.use(remarkMdx);
  }
  processor.use(remarkMath);
  return processor.parse(blankFrontMatter(source));
}

/** Reads one page's source. `file` is only used in messages. */
export function extractSamples(source: string, file: string, options: {readonly mdx?: boolean} = {}): PageSamples {
  let tree: Root;
  try {
    tree = parsePage(source, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = (error as {line?: number}).line ?? 1;
    return {
      samples: [],
      problems: [
        {
          file,
          line,
          message: `the page does not parse as MDX (${reason}); fix the syntax there, the site build fails on it too`,
        },
      ],
    };
  }
  return samplesOfTree(tree, file);
}
