/**
 * Finds the samples of one Markdown/MDX page.
 *
 * Takes the page's source; gives every ```rust and ```python fence (also
 * those inside JSX such as <CodeCompare> or <QuizQuestion>) with the line of
 * its opening fence, its parsed attributes and the ```text output / ```text
 * error blocks that follow it, plus the authoring mistakes found on the way
 * (an orphan result block, a fence language the verifier would skip, a page
 * that does not parse). Result blocks pair with samples exactly as the page
 * renderer (src/remark/samples.ts) pairs them: consecutive sibling fences.
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
} from '../../src/remark/sampleFence';

export interface ResultBlock {
  readonly kind: ResultBlockKind;
  readonly text: string;
  /** Line of the block's opening fence. */
  readonly line: number;
}

export interface DocSample {
  /** The page's path as printed in messages (relative to the repository). */
  readonly file: string;
  /** Line of the sample's opening fence. */
  readonly line: number;
  readonly language: SampleLanguage;
  readonly meta: string;
  /** The fence's body as written, hidden-line markers included. */
  readonly code: string;
  readonly attributes: ParseResult<SampleAttributes>;
  readonly output?: ResultBlock;
  readonly error?: ResultBlock;
}

export interface AuthoringProblem {
  readonly file: string;
  readonly line: number;
  /** `what is wrong; what to do`. */
  readonly message: string;
}

export interface PageSamples {
  readonly samples: DocSample[];
  readonly problems: AuthoringProblem[];
}

/** Fence languages that look like a sample's but would not be checked. */
const LOOKALIKE_LANGUAGES: Readonly<Record<string, SampleLanguage>> = {
  rs: 'rust',
  Rust: 'rust',
  py: 'python',
  py3: 'python',
  python3: 'python',
  Python: 'python',
};

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

function isSampleFence(node: RootContent | undefined): node is Code & {lang: SampleLanguage} {
  return node?.type === 'code' && (node.lang === 'rust' || node.lang === 'python');
}

function resultKind(node: RootContent | undefined): ResultBlockKind | undefined {
  return node?.type === 'code' ? resultBlockKind(node.lang, node.meta) : undefined;
}

function lineOf(node: {position?: {start: {line: number}}}): number {
  return node.position?.start.line ?? 1;
}

/** Reads one page. `file` is only used in messages. */
export function extractSamples(source: string, file: string, options: {readonly mdx?: boolean} = {}): PageSamples {
  const samples: DocSample[] = [];
  const problems: AuthoringProblem[] = [];
  const processor = unified().use(remarkParse);
  if (options.mdx !== false) {
    processor.use(remarkMdx);
  }
  processor.use(remarkMath);
  let tree: Root;
  try {
    tree = processor.parse(blankFrontMatter(source));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = (error as {line?: number}).line ?? 1;
    problems.push({
      file,
      line,
      message: `the page does not parse as MDX (${reason}); fix the syntax there, the site build fails on it too`,
    });
    return {samples, problems};
  }

  visit(tree, (node) => {
    if (!('children' in node)) {
      return;
    }
    const children = (node as Parent).children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (isSampleFence(child)) {
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
          index += 1;
        }
        samples.push({
          file,
          line: lineOf(child),
          language: child.lang,
          meta: child.meta ?? '',
          code: child.value,
          attributes: parseSampleMeta(child.lang, child.meta),
          ...(output ? {output} : {}),
          ...(error ? {error} : {}),
        });
        continue;
      }
      if (child.type !== 'code') {
        continue;
      }
      const kind = resultKind(child);
      if (kind !== undefined) {
        problems.push({
          file,
          line: lineOf(child),
          message: `a \`text ${kind}\` block must follow a python or rust sample (only blank lines between); move it right under its sample, or drop the word \`${kind}\` if it is plain text`,
        });
        continue;
      }
      const lang = child.lang ?? '';
      const intended = LOOKALIKE_LANGUAGES[lang];
      const comma = /^(rust|python)[,{]/.exec(lang);
      if (intended !== undefined) {
        problems.push({
          file,
          line: lineOf(child),
          message: `\`\`\`${lang} is not checked; write \`\`\`${intended} (add ignore="reason" if it must not be run)`,
        });
      } else if (comma) {
        problems.push({
          file,
          line: lineOf(child),
          message: `\`\`\`${lang} is not checked: attributes go after a space, not a comma; write \`\`\`${comma[1]} ${lang.slice(comma[1]!.length + 1)}`,
        });
      }
    }
  });
  samples.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line);
  return {samples, problems};
}
