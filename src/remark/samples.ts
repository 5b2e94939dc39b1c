/**
 * Turns the book's sample fences into <Sample> elements, and checks that each
 * <CodeCompare> holds one Python and one Rust sample.
 *
 * Takes: ```rust / ```python fences with the attributes of sampleFence.ts,
 * each optionally followed by ```text output and ```text error blocks.
 * Gives: <Sample language mode … playground> wrapping the fence (hidden lines
 * removed, verifier words dropped from its metastring) and its result blocks
 * (titled for the reader). A bad attribute, an orphan result block or a
 * malformed <CodeCompare> fails the build with the file and line.
 */
import type {Code, Parent, Root, RootContent} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

import {AuthoringError} from './authoringError';
import {playgroundUrl} from './rustProgram';
import {flowElement, isJsxElement, type JsxElement, stringAttribute} from './mdxJsx';
import {
  parseSampleMeta,
  resultBlockKind,
  type SampleAttributes,
  type SampleLanguage,
  splitHiddenLines,
} from './sampleFence';

const SAMPLE_ELEMENT = 'Sample';
const COMPARE_ELEMENT = 'CodeCompare';

function isSampleFence(node: RootContent): node is Code & {lang: SampleLanguage} {
  return node.type === 'code' && (node.lang === 'rust' || node.lang === 'python');
}

function isResultBlock(node: RootContent | undefined): node is Code {
  return node?.type === 'code' && resultBlockKind(node.lang, node.meta) !== undefined;
}

/** The title a result block shows, by what the sample is expected to do. */
function resultTitle(kind: 'output' | 'error', attributes: SampleAttributes): string {
  if (kind === 'output') {
    return attributes.mode.kind === 'test' ? 'Test output' : 'Output';
  }
  switch (attributes.mode.kind) {
    case 'compile_fail':
      return 'Compiler error';
    case 'should_panic':
      return 'Panic';
    case 'test':
      return 'Test failure';
    case 'raises':
      return 'Traceback';
    default:
      return 'Error output';
  }
}

function modeAttributes(attributes: SampleAttributes): Record<string, string | undefined> {
  const {mode} = attributes;
  switch (mode.kind) {
    case 'compile_fail':
      return {mode: mode.kind, errorCodes: mode.errorCodes.join(', ')};
    case 'test':
      return {mode: mode.fails ? 'test_fails' : 'test'};
    case 'raises':
      return {mode: mode.kind, exception: mode.exception};
    case 'ignore':
      return {mode: mode.kind, ignoreReason: mode.reason};
    case 'include':
      return {mode: mode.kind, source: mode.file};
    default:
      return {mode: mode.kind};
  }
}

function sampleElement(fence: Code & {lang: SampleLanguage}, results: Code[], file: VFile): RootContent {
  const parsed = parseSampleMeta(fence.lang, fence.meta);
  if (!parsed.ok) {
    throw new AuthoringError(file, fence, parsed.message);
  }
  const attributes = parsed.value;
  const {shown, full} = splitHiddenLines(fence.lang, fence.value);
  const included = attributes.mode.kind === 'include';
  let meta = attributes.passThrough;
  if (included && !/\btitle=/.test(meta) && attributes.mode.kind === 'include') {
    meta = `${meta} title="${attributes.mode.file}"`.trim();
  }
  const shownFence: Code = {...fence, value: shown, meta: meta || null};
  const resultFences = results.map((result): Code => {
    const kind = resultBlockKind(result.lang, result.meta)!;
    return {...result, meta: `title="${resultTitle(kind, attributes)}"`};
  });
  const runnableInPlayground = fence.lang === 'rust' && !included;
  return flowElement(
    SAMPLE_ELEMENT,
    {
      language: fence.lang,
      ...modeAttributes(attributes),
      playground: runnableInPlayground
        ? playgroundUrl(full, attributes.edition, {testCrate: attributes.mode.kind === 'test'})
        : undefined,
    },
    [shownFence, ...resultFences],
    fence.position,
  );
}

/** Rewrites one parent's children: each sample fence and its result blocks become one <Sample>. */
function wrapSamples(parent: Parent, file: VFile): void {
  const children = parent.children as RootContent[];
  const rewritten: RootContent[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index]!;
    if (isSampleFence(node)) {
      const results: Code[] = [];
      while (isResultBlock(children[index + 1])) {
        results.push(children[index + 1] as Code);
        index += 1;
      }
      rewritten.push(sampleElement(node, results, file));
      continue;
    }
    if (isResultBlock(node)) {
      throw new AuthoringError(
        file,
        node,
        `a \`text ${resultBlockKind(node.lang, node.meta)}\` block must follow a python or rust sample (only blank lines between); move it under its sample or write \`\`\`text without the word`,
      );
    }
    rewritten.push(node);
  }
  parent.children = rewritten as Parent['children'];
}

function describeLanguages(languages: readonly string[]): string {
  if (languages.length === 0) {
    return 'no samples';
  }
  return languages.join(' and ') + (languages.length === 1 ? ' only' : '');
}

/** A <CodeCompare> holds exactly one python sample, then one rust sample, and nothing else but blank space. */
function checkCodeCompare(element: JsxElement, file: VFile): void {
  const samples = element.children.filter((child) => isJsxElement(child, SAMPLE_ELEMENT)) as JsxElement[];
  const languages = samples.map((sample) => stringAttribute(sample, 'language') ?? '?');
  const others = element.children.filter((child) => !isJsxElement(child, SAMPLE_ELEMENT));
  if (languages.join(',') !== 'python,rust') {
    throw new AuthoringError(
      file,
      element,
      `<CodeCompare> needs one python sample followed by one rust sample; found ${describeLanguages(languages)}`,
    );
  }
  if (others.length > 0) {
    throw new AuthoringError(
      file,
      others[0],
      '<CodeCompare> holds only its two samples and their output blocks; move this prose outside the component',
    );
  }
}

const remarkSamples: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, (node) => {
    if ('children' in node && !isJsxElement(node, SAMPLE_ELEMENT)) {
      wrapSamples(node as Parent, file);
    }
  });
  visit(tree, (node) => {
    if (isJsxElement(node, COMPARE_ELEMENT)) {
      checkCodeCompare(node, file);
    }
  });
};

export default remarkSamples;
