/**
 * The lines of a sample's output as the book compares them: what a program
 * printed with what its ```text output block says (the sample verifier,
 * tools/verify-samples/textCompare.ts), or the output blocks of the two
 * samples of a cheat-sheet row marked `same` (src/remark/cheatSheet.ts).
 */

/** Lines of `text` with trailing whitespace of each line and trailing blank lines removed. */
export function normaliseLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}
