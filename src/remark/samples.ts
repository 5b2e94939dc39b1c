/**
 * Turns the book's sample fences into <Sample> elements, and checks that each
 * <CodeCompare> holds one Python and one Rust sample.
 *
 * Takes: the samples of a page as src/samples/page.ts defines them (a
 * ```rust / ```python fence, its words read by src/samples/fence.ts, and the
 * ```text output and ```text error blocks that follow it).
 * Gives: <Sample language mode … playground> wrapping the fence (hidden lines
 * removed, verifier words dropped from its metastring) and its result blocks
 * (titled for the reader); `playground`, on a Rust sample, is what the page
 * needs besides the code it shows to build the Playground link when the reader
 * asks for it (a PlaygroundSource as JSON: the edition, and the hidden lines).
 * A bad attribute, an orphan or second result block, a lookalike fence (```rs)
 * or a malformed <CodeCompare> fails the build with the file and line.
 */
import type {Code, Parent, Root, RootContent} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

import {resultBlockKind, type SampleAttributes} from '../samples/fence';
import {groupSamples, type Sample} from '../samples/page';
import type {PlaygroundSource} from '../samples/rustProgram';
import {AuthoringError, displayPath} from './authoringError';
import {flowElement, isJsxElement, type JsxElement, stringAttribute} from './mdxJsx';

const SAMPLE_ELEMENT = 'Sample';
const COMPARE_ELEMENT = 'CodeCompare';

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

function sampleElement(sample: Sample, file: VFile): RootContent {
  const {fence, results} = sample.nodes;
  if (!sample.attributes.ok) {
    throw new AuthoringError(file, fence, sample.attributes.message);
  }
  const attributes = sample.attributes.value;
  const included = attributes.mode.kind === 'include';
  let meta = attributes.passThrough;
  if (attributes.mode.kind === 'include' && !/\btitle=/.test(meta)) {
    meta = `${meta} title="${attributes.mode.file}"`.trim();
  }
  const shownFence: Code = {...fence, value: sample.split.shown, meta: meta || null};
  const resultFences = results.map((result): Code => {
    const kind = resultBlockKind(result.lang, result.meta)!;
    return {...result, meta: `title="${resultTitle(kind, attributes)}"`};
  });
  const runnableInPlayground = sample.language === 'rust' && !included;
  const playground: PlaygroundSource = {
    edition: attributes.edition,
    ...(attributes.mode.kind === 'test' ? {testCrate: true} : {}),
    ...(sample.split.hidden.length > 0 ? {hidden: sample.split.hidden} : {}),
  };
  return flowElement(
    SAMPLE_ELEMENT,
    {
      language: sample.language,
      ...modeAttributes(attributes),
      playground: runnableInPlayground ? JSON.stringify(playground) : undefined,
    },
    [shownFence, ...resultFences],
    fence.position,
  );
}

/** Rewrites one parent's children: each sample fence and its result blocks become one <Sample>. */
function wrapSamples(parent: Parent, file: VFile): void {
  const {items, problems} = groupSamples(parent.children, displayPath(file));
  const [problem] = problems;
  if (problem !== undefined) {
    throw new AuthoringError(file, problem.line, problem.message);
  }
  parent.children = items.map((item): RootContent => ('sample' in item ? sampleElement(item.sample, file) : item.node));
}

function describeLanguages(languages: readonly string[]): string {
  if (languages.length === 0) {
    return 'no samples';
  }
  return languages.join(' and ') + (languages.length === 1 ? ' only' : '');
}

/** A <CodeCompare> holds exactly one python sample, then one rust sample, and nothing else but blank space. */
function checkCodeCompare(element: JsxElement, file: VFile): void {
  const samples = element.children.filter((child): child is JsxElement => isJsxElement(child, SAMPLE_ELEMENT));
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
      wrapSamples(node, file);
    }
  });
  visit(tree, (node) => {
    if (isJsxElement(node, COMPARE_ELEMENT)) {
      checkCodeCompare(node, file);
    }
  });
};

export default remarkSamples;
