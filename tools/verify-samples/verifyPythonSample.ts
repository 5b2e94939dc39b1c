/**
 * Checks one ```python sample with the pinned interpreter.
 *
 * Takes a sample (its full code: `# hide` lines included, their marker
 * comment removed) and its attributes; gives its problems, empty when it
 * passes. In order: `ruff check` and `ruff format --check` (configured in
 * tools/verify-samples/ruff.toml), then a run as `python main.py` in an empty
 * folder, then the ```text output / ```text error blocks against what
 * really happened. A `raises=` sample must end with an uncaught exception of
 * exactly that type: the name on the traceback's last line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {type SampleAttributes, splitHiddenLines} from '../../src/samples/fence';
import type {Sample} from '../../src/samples/page';
import {describeEnding, type ProcessOutcome, runProcess, stoppedProblem} from './processes';
import type {SampleProblem} from './verdicts';
import {errorBlockProblem, linesDifferProblem, outputProblem} from './resultBlocks';
import {normaliseLines, unifiedDiff} from './textCompare';
import {PYTHON_REQUIREMENTS, type PythonEnv, RUFF_CONFIG} from './toolchains';
import type {Timeouts} from './verifyRustSample';

export interface PythonContext {
  readonly repoRoot: string;
  readonly env: PythonEnv;
  readonly timeouts: Timeouts;
}

/** The file name tracebacks show, whatever temporary file the sample really is. */
export const PYTHON_SAMPLE_PATH = 'main.py';

/** Exceptions raised while compiling the file: ruff cannot check such a sample. */
const SYNTAX_EXCEPTIONS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

export interface RaisedException {
  /** `ValueError`, `json.decoder.JSONDecodeError`. */
  readonly type: string;
  /** The whole line, e.g. "ValueError: could not convert string to float: 'n/a'". */
  readonly line: string;
}

const EXCEPTION_LINE = /^([A-Za-z_][\w.]*)(?::|$)/;

/** The uncaught exception a traceback ends with, if stderr holds one. */
export function raisedException(stderr: string): RaisedException | undefined {
  const lines = normaliseLines(stderr);
  const header = lines.lastIndexOf('Traceback (most recent call last):');
  // The exception line is the first unindented line after the last traceback
  // header; a SyntaxError in the file itself has no header, only its `File` lines.
  const start =
    header === -1
      ? Math.max(
          0,
          lines.findIndex((line) => line.startsWith('  File "')),
        )
      : header + 1;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line === '' || /^\s/.test(line)) {
      continue;
    }
    const match = EXCEPTION_LINE.exec(line);
    if (match) {
      return {type: match[1]!, line};
    }
  }
  return undefined;
}

function normalisePythonPaths(text: string, tempDir: string, env: PythonEnv): string {
  const replacements: Array<[string, string]> = [
    [`${tempDir}/`, ''],
    [tempDir, '.'],
    [env.venvDir, '.venv'],
    // The interpreter's own prefix (pyenv's here): shown as a python.org build's.
    [`${env.basePrefix}/`, '/usr/local/'],
  ];
  let result = text;
  for (const [from, to] of replacements) {
    result = result.split(from).join(to);
  }
  return result;
}

async function ruff(
  args: readonly string[],
  code: string,
  context: PythonContext,
  tempDir: string,
): Promise<ProcessOutcome> {
  const config = path.join(context.repoRoot, RUFF_CONFIG);
  return runProcess(
    context.env.ruff,
    [...args, '--no-cache', '--config', config, '--stdin-filename', PYTHON_SAMPLE_PATH, '-'],
    {
      cwd: tempDir,
      input: code,
      timeoutMs: context.timeouts.toolMs,
    },
  );
}

async function lintProblems(code: string, context: PythonContext, tempDir: string): Promise<SampleProblem[]> {
  const problems: SampleProblem[] = [];
  const lint = await ruff(['check', '--output-format', 'concise', '--quiet'], code, context, tempDir);
  if (lint.exitCode === 1) {
    const findings = normaliseLines(lint.stdout).filter((line) => line.startsWith(`${PYTHON_SAMPLE_PATH}:`));
    problems.push({
      what: `fails ruff check: ${findings[0] ?? 'see below'}`,
      todo: `fix ${findings.length === 1 ? 'it' : `all ${findings.length}`} (line numbers count \`# hide\` lines too)`,
      details: findings.join('\n'),
    });
  } else if (lint.exitCode !== 0) {
    problems.push({
      what: `could not be checked by ruff check (${describeEnding(lint, context.timeouts.toolMs)})`,
      todo: 'see its message below',
      details: lint.stderr,
    });
  }
  const format = await ruff(['format', '--quiet'], code, context, tempDir);
  if (format.exitCode === 0 && format.stdout !== code) {
    const diff = unifiedDiff(code.replace(/\n$/, '').split('\n'), format.stdout.replace(/\n$/, '').split('\n'), {
      expected: 'sample (hidden lines included)',
      actual: 'ruff format',
    });
    if (diff !== '') {
      problems.push({
        what: 'is not formatted the way ruff formats it',
        todo: 'apply this change (run `ruff format` on the code)',
        details: diff,
      });
    }
  } else if (format.exitCode !== 0 && !/pars|syntax/i.test(format.stderr)) {
    problems.push({
      what: `could not be checked by ruff format (${describeEnding(format, context.timeouts.toolMs)})`,
      todo: 'see its message below',
      details: format.stderr,
    });
  }
  return problems;
}

async function runPython(tempDir: string, context: PythonContext, hashSeed: string): Promise<ProcessOutcome> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tempDir,
    LANG: 'C.UTF-8',
    PYTHONUTF8: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    // Fixed so a verdict does not depend on luck; a second run with another
    // seed catches output that depends on set or dict-of-str ordering.
    PYTHONHASHSEED: hashSeed,
  };
  return runProcess(context.env.python, [PYTHON_SAMPLE_PATH], {cwd: tempDir, env, timeoutMs: context.timeouts.runMs});
}

export async function verifyPythonSample(
  sample: Sample,
  attributes: SampleAttributes,
  context: PythonContext,
): Promise<SampleProblem[]> {
  const {mode} = attributes;
  const code = `${splitHiddenLines('python', sample.code).full.replace(/\s+$/, '')}\n`;
  const expectedException = mode.kind === 'raises' ? mode.exception : undefined;
  const problems: SampleProblem[] = [];
  const tempDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-samples-py-')));
  try {
    if (!(expectedException !== undefined && SYNTAX_EXCEPTIONS.has(expectedException))) {
      problems.push(...(await lintProblems(code, context, tempDir)));
    }
    fs.writeFileSync(path.join(tempDir, PYTHON_SAMPLE_PATH), code);
    const ran = await runPython(tempDir, context, '0');
    const stdout = normalisePythonPaths(ran.stdout, tempDir, context.env);
    const stderr = normalisePythonPaths(ran.stderr, tempDir, context.env);
    const ending = describeEnding(ran, context.timeouts.runMs);
    const stopped = stoppedProblem(ran, context.timeouts.runMs, {
      todo: 'make it finish quickly, or mark it ignore="why" if it cannot',
      details: stderr,
    });
    if (stopped) return [...problems, stopped];
    const raised = ran.exitCode === 0 ? undefined : raisedException(stderr);
    let ranAsExpected = false;
    if (expectedException === undefined) {
      if (ran.exitCode !== 0) {
        const missing =
          raised?.type === 'ModuleNotFoundError' ? /No module named '([\w.]+)'/.exec(raised.line)?.[1] : undefined;
        problems.push({
          what: raised ? `raised ${raised.line}` : ending,
          todo:
            missing !== undefined
              ? `add the package that provides \`${missing}\` to ${PYTHON_REQUIREMENTS} (see CONTRIBUTING.md, "Crates and Python packages"), or use the standard library`
              : raised
                ? `fix it, or mark it raises=${raised.type} if the exception is the point`
                : 'make it exit with code 0',
          details: stderr,
        });
      } else {
        ranAsExpected = true;
      }
    } else if (ran.exitCode === 0) {
      problems.push({
        what: `ran to completion (exit code 0); it should raise ${expectedException}`,
        todo: `make it raise ${expectedException}, or drop raises=`,
      });
    } else if (raised === undefined) {
      problems.push({
        what: `${ending} without a traceback; it should raise ${expectedException}`,
        todo: `let ${expectedException} propagate uncaught`,
        details: stderr,
      });
    } else if (raised.type !== expectedException) {
      problems.push({
        what: `raised ${raised.line}, not ${expectedException}`,
        todo: `if ${raised.type} is the lesson, write raises=${raised.type}; otherwise make it raise ${expectedException}`,
        details: stderr,
      });
    } else {
      ranAsExpected = true;
    }

    const output = outputProblem(sample, stdout);
    if (output) {
      problems.push(output);
    } else if (sample.output !== undefined && ranAsExpected) {
      const again = await runPython(tempDir, context, '1');
      const changing = linesDifferProblem(
        stdout,
        normalisePythonPaths(again.stdout, tempDir, context.env),
        {expected: 'run with PYTHONHASHSEED=0', actual: 'run with PYTHONHASHSEED=1'},
        {
          what: 'prints different output on different runs (the order of a set of strings depends on PYTHONHASHSEED)',
          todo: 'make the output deterministic, e.g. print sorted(...)',
        },
      );
      if (changing) problems.push(changing);
    }
    const errorBlock = errorBlockProblem(sample, [{name: 'stderr', text: stderr}]);
    if (errorBlock) problems.push(errorBlock);
    return problems;
  } finally {
    fs.rmSync(tempDir, {recursive: true, force: true});
  }
}
