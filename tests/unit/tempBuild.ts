/**
 * Small stand-ins for the build/ folder, for the tests of tools that read a
 * built site (the PDF, the offline manifest): each is a temporary folder with
 * the files a test gives, removed after each test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'node:test';

/**
 * A function that writes a build folder of `files` (path in the build → content)
 * and returns its path; call it once at the top of a test file, which then
 * removes every folder it made after each test.
 */
export function tempBuilds(prefix: string): (files: Readonly<Record<string, string>>) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
  return (files) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
  };
}
