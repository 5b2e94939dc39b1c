/**
 * One shape for every authoring mistake the remark plugins catch:
 * `docs/part/chapter.mdx:48: what is wrong; what to do`.
 * Takes the file being compiled and the node (or line) at fault; gives an
 * Error whose message the build prints as it is.
 */
import path from 'node:path';
import type {Node} from 'unist';
import type {VFile} from 'vfile';

/** The file's path relative to the site, as authors know it. */
export function displayPath(file: VFile): string {
  const filePath = file.path || '<unknown file>';
  return path.isAbsolute(filePath) ? path.relative(file.cwd, filePath) : filePath;
}

export class AuthoringError extends Error {
  constructor(file: VFile, at: Node | number | undefined, message: string) {
    const line = typeof at === 'number' ? at : (at?.position?.start.line ?? 1);
    super(`${displayPath(file)}:${line}: ${message}`);
    this.name = 'AuthoringError';
  }
}
