/**
 * Runs one external program (a compiler, a sample, a formatter) with a time
 * limit and a cap on what it may print, and says how it ended.
 *
 * Each program gets its own process group, so a time-out ends everything it
 * started; groups still running when the verifier exits are ended too.
 */
import {spawn} from 'node:child_process';

import type {SampleProblem} from './verdicts';

export interface ProcessOutcome {
  /** Exit code, or null when a signal ended the program. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the time limit ended the program. */
  readonly timedOut: boolean;
  /** True when the program printed more than the cap and was ended. */
  readonly overflowed: boolean;
  readonly durationMs: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Text written to the program's standard input (closed right after). */
  readonly input?: string;
  readonly timeoutMs: number;
  /** Bytes of stdout plus stderr after which the program is ended; default 4 MiB. */
  readonly maxOutputBytes?: number;
}

const runningGroups = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const pid of runningGroups) {
    killGroup(pid);
  }
});

/** Runs `command args…`; rejects only when the program cannot be started at all. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessOutcome> {
  const started = Date.now();
  const cap = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let printed = 0;
    let timedOut = false;
    let overflowed = false;
    const pid = child.pid;
    if (pid !== undefined) {
      runningGroups.add(pid);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) killGroup(pid);
    }, options.timeoutMs);
    const collect = (chunks: Buffer[]) => (chunk: Buffer) => {
      printed += chunk.length;
      if (printed > cap) {
        if (!overflowed && pid !== undefined) killGroup(pid);
        overflowed = true;
        return;
      }
      chunks.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.stdin.on('error', () => {
      // The program exited without reading its input; that is its business.
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      if (pid !== undefined) runningGroups.delete(pid);
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) {
        runningGroups.delete(pid);
        // Anything the program left behind in its group goes too.
        killGroup(pid);
      }
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        overflowed,
        durationMs: Date.now() - started,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** "exited with code 3", "was killed by SIGSEGV", "did not finish within 10 s". */
export function describeEnding(outcome: ProcessOutcome, timeoutMs: number): string {
  if (outcome.timedOut) {
    return `did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
  }
  if (outcome.overflowed) {
    return 'printed more than 4 MiB and was stopped';
  }
  if (outcome.signal !== null) {
    return `was killed by ${outcome.signal}`;
  }
  return `exited with code ${outcome.exitCode}`;
}

/**
 * The problem to report when the program was stopped (past its time limit, or
 * printing too much), so that nothing else about the sample can be judged:
 * how it ended, after `doing` ("compiling did not finish within 60 s…") if
 * given. Undefined when the program ended by itself.
 */
export function stoppedProblem(
  outcome: ProcessOutcome,
  timeoutMs: number,
  advice: {readonly doing?: string; readonly todo: string; readonly details: string},
): SampleProblem | undefined {
  if (!outcome.timedOut && !outcome.overflowed) {
    return undefined;
  }
  const ending = describeEnding(outcome, timeoutMs);
  return {
    what: advice.doing === undefined ? ending : `${advice.doing} ${ending}`,
    todo: advice.todo,
    details: advice.details,
  };
}
