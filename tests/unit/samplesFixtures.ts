/**
 * Finds fences in the verifier's fixture pages by name, so that tests say
 * "the sample marked `rustfmt`" instead of hard-coding line numbers.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURE_DIR = 'tests/unit/fixtures/samples';

export function fixturePath(name: string): string {
  return path.join(FIXTURE_DIR, name);
}

/**
 * The line of the `nth` (1-based) fence after the `{/* case: NAME *\/}`
 * comment in a fixture page.
 */
export function fenceLine(fixture: string, caseName: string, nth = 1): number {
  const lines = fs.readFileSync(fixturePath(fixture), 'utf8').split('\n');
  const marker = lines.findIndex((line) => line.includes(`{/* case: ${caseName} */}`));
  if (marker === -1) {
    throw new Error(`no case ${caseName} in ${fixture}`);
  }
  let seen = 0;
  let inside = false;
  for (let index = marker + 1; index < lines.length; index += 1) {
    if (/^\s*```/.test(lines[index]!)) {
      if (!inside) {
        seen += 1;
        if (seen === nth) {
          return index + 1;
        }
      }
      inside = !inside;
    }
  }
  throw new Error(`case ${caseName} in ${fixture} has fewer than ${nth} fences`);
}

/** Every case name in a fixture page, in order. */
export function caseNames(fixture: string): string[] {
  const source = fs.readFileSync(fixturePath(fixture), 'utf8');
  return [...source.matchAll(/\{\/\* case: ([\w-]+) \*\/\}/g)].map((match) => match[1]!);
}
