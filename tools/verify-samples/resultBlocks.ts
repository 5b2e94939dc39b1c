/**
 * The checks of a sample's result blocks that are the same in every language.
 *
 * Takes a sample and what it really printed; gives a problem when its
 * ```text output block is not its standard output, when two runs print
 * different output, or when the lines of its ```text error block are not in
 * its error output — or undefined when all is well.
 */
import type {Sample} from '../../src/samples/page';
import type {SampleProblem} from './verdicts';
import {findContiguousLines, normaliseBlockLines, normaliseLines, unifiedDiff} from './textCompare';

/**
 * A problem, with the unified diff as its details, when the normalised lines
 * of `expected` and `actual` differ; undefined when they are the same.
 */
export function linesDifferProblem(
  expected: string,
  actual: string,
  labels: {readonly expected: string; readonly actual: string},
  advice: {readonly what: string; readonly todo: string},
): SampleProblem | undefined {
  const diff = unifiedDiff(normaliseLines(expected), normaliseLines(actual), labels);
  return diff === '' ? undefined : {...advice, details: diff};
}

/** The output block must equal standard output, line for line. */
export function outputProblem(sample: Sample, stdout: string): SampleProblem | undefined {
  if (sample.output === undefined) {
    return undefined;
  }
  return linesDifferProblem(
    sample.output.text,
    stdout,
    {expected: `text output block (line ${sample.output.line})`, actual: 'real stdout'},
    {
      what: `prints something other than its \`text output\` block (line ${sample.output.line})`,
      todo: 'paste the real output into the block (or fix the code)',
    },
  );
}

/** The error block's lines must appear, contiguous, in one of the outputs. */
export function errorBlockProblem(
  sample: Sample,
  streams: ReadonlyArray<{readonly name: string; readonly text: string}>,
): SampleProblem | undefined {
  if (sample.error === undefined) {
    return undefined;
  }
  const expected = normaliseBlockLines(sample.error.text);
  if (expected.length === 0) {
    return {
      what: `has an empty \`text error\` block (line ${sample.error.line})`,
      todo: 'paste the lines of the real error output it must show, or drop the block',
    };
  }
  if (streams.some((stream) => findContiguousLines(normaliseLines(stream.text), expected) !== -1)) {
    return undefined;
  }
  const shown = streams
    .filter((stream) => stream.text.trim() !== '')
    .map(
      (stream) =>
        `${stream.name}:\n${normaliseBlockLines(stream.text)
          .map((line) => `  ${line}`)
          .join('\n')}`,
    )
    .join('\n');
  return {
    what: `error output does not contain the lines of its \`text error\` block (line ${sample.error.line}) as one run`,
    todo: 'paste lines from the real output below (paths and line numbers as shown)',
    details: shown === '' ? 'the sample wrote nothing to stderr' : shown,
  };
}
