/**
 * What the verifier says about a sample: its kind (for the summary), a label
 * for messages, and its problems, each printed as
 * `path:line: label what is wrong; what to do` with details indented below.
 */
import type {SampleAttributes} from '../../src/samples/fence';
import {indent} from './textCompare';

/** The kinds the summary line counts, in its order. */
export const SAMPLE_KINDS = [
  'rust run',
  'no_run',
  'should_panic',
  'test',
  'compile_fail',
  'python run',
  'raises',
  'ignored',
  'included',
  'invalid',
] as const;

export type SampleKind = (typeof SAMPLE_KINDS)[number];

export interface SampleProblem {
  /** What is wrong, e.g. "compiled without errors". */
  readonly what: string;
  /** What to do about it. */
  readonly todo: string;
  /** Compiler output, a diff, a traceback: printed indented under the message. */
  readonly details?: string;
}

export interface SampleVerdict {
  readonly file: string;
  readonly line: number;
  readonly kind: SampleKind;
  /** "`rust compile_fail=E0382` sample"; empty for problems that are not about one sample. */
  readonly label: string;
  readonly problems: readonly SampleProblem[];
  readonly cached: boolean;
  readonly durationMs: number;
}

export function sampleKind(attributes: SampleAttributes): SampleKind {
  switch (attributes.mode.kind) {
    case 'run':
      return attributes.language === 'rust' ? 'rust run' : 'python run';
    case 'ignore':
      return 'ignored';
    case 'include':
      return 'included';
    default:
      return attributes.mode.kind;
  }
}

/** "`rust` sample", "`rust compile_fail=E0382,E0499` sample", "`python raises=ValueError` sample". */
export function sampleLabel(attributes: SampleAttributes): string {
  const {mode, language} = attributes;
  const edition = attributes.edition === '2021' ? ' edition2021' : '';
  let words: string;
  switch (mode.kind) {
    case 'run':
      words = '';
      break;
    case 'compile_fail':
      words = ` compile_fail=${mode.errorCodes.join(',')}`;
      break;
    case 'test':
      words = mode.fails ? ' test=fails' : ' test';
      break;
    case 'raises':
      words = ` raises=${mode.exception}`;
      break;
    case 'ignore':
      words = ' ignore';
      break;
    case 'include':
      words = ` file="${mode.file}"${mode.region === undefined ? '' : ` region=${mode.region}`}`;
      break;
    default:
      words = ` ${mode.kind}`;
  }
  return `\`${language}${words}${language === 'rust' ? edition : ''}\` sample`;
}

/** One problem as the lines the verifier prints. */
export function formatProblem(verdict: SampleVerdict, problem: SampleProblem): string {
  const subject = verdict.label === '' ? '' : `${verdict.label} `;
  const todo = problem.todo === '' ? '' : `; ${problem.todo}`;
  const head = `${verdict.file}:${verdict.line}: ${subject}${problem.what}${todo}`;
  return problem.details === undefined || problem.details.trim() === ''
    ? head
    : `${head}\n${indent(problem.details.replace(/^(\s*\n)+/, '').replace(/\s+$/, ''))}`;
}

export function formatVerdict(verdict: SampleVerdict): string {
  return verdict.problems.map((problem) => formatProblem(verdict, problem)).join('\n');
}
