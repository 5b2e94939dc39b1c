/**
 * Checks the rows of the Python → Rust cheat sheet, so that a row cannot claim
 * more than its verified samples show.
 *
 * Takes: a <CheatSheet> of <CheatGroup>s; each group opens with a `##` heading
 * and holds rows. A <CheatRow title="…"> holds one python sample, then one rust
 * sample (each with its ```text output or error block, found and verified like
 * every sample: src/samples/page.ts), then one paragraph, the note, with a
 * Markdown link to the chapter section that teaches the row. With `same`, the
 * row claims that both samples run and print the same thing. A
 * <CheatCommand title="…"> is a tooling row that cannot run: two ```console
 * blocks of `$ ` commands only (Python's tool, then Rust's) and the note.
 * Gives: the tree unchanged, or a build error with the file, the line and what
 * to do: a row of the wrong shape, a sample with nothing under it to show what
 * it does, a note without a link to a chapter section, a `same` row whose
 * samples do not both run or whose output blocks differ.
 *
 * It runs before src/remark/samples.ts, which turns the fences into <Sample>s.
 */
import path from 'node:path';

import type {Code, Paragraph, Parent, Root} from 'mdast';
import type {Node} from 'unist';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

import {BOOK_PARTS} from '../data/bookParts';
import {groupSamples, type Sample, type SiblingItem} from '../samples/page';
import {AuthoringError, displayPath} from './authoringError';
import {isJsxElement, type JsxElement, stringAttribute} from './mdxJsx';

export const CHEAT_SHEET = 'CheatSheet';
export const CHEAT_GROUP = 'CheatGroup';
export const CHEAT_ROW = 'CheatRow';
export const CHEAT_COMMAND = 'CheatCommand';

const ROW_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  [CHEAT_ROW]: ['title', 'same'],
  [CHEAT_COMMAND]: ['title'],
};

/**
 * Whether a link goes to a section of a chapter: a page in a part of kind
 * 'chapters' (not the reference part), with an #anchor. In the site build the
 * link arrives already resolved by Docusaurus (`/foundations/variables-and-types#…`,
 * after the base URL); in a unit test it is as written
 * (`../foundations/05-variables-and-types.mdx#…`). Docusaurus checks at build
 * time that the page and the anchor exist.
 */
export function isChapterSectionLink(url: string, pagePath: string): boolean {
  const match = /^([^#?]+)#[\w-]+$/.exec(url);
  if (!match) {
    return false;
  }
  const target = match[1]!;
  let segments: string[];
  if (/^\.{1,2}\//.test(target) && /\.mdx?$/.test(target)) {
    segments = path.posix.normalize(path.posix.join(path.posix.dirname(pagePath), target)).split('/');
  } else if (target.startsWith('/')) {
    segments = target.split('/');
  } else {
    return false;
  }
  const partDir = segments.at(-2);
  return BOOK_PARTS.some((part) => part.kind === 'chapters' && part.dirName === partDir);
}

/** The example given in messages. */
const LINK_EXAMPLE = '[Integer overflow](../foundations/05-variables-and-types.mdx#integer-overflow)';

/** Lines of an output block as the verifier compares them: line ends trimmed, trailing blank lines dropped. */
export function outputLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

function rowName(element: JsxElement): string {
  const title = stringAttribute(element, 'title');
  return title === undefined ? `<${element.name ?? ''}>` : `<${element.name ?? ''} title="${title}">`;
}

/** A node in words, for messages: `<CheatRow>`, "paragraph", "heading". */
function nodeName(node: Node): string {
  return isJsxElement(node) ? `<${node.name ?? ''}>` : node.type;
}

/** What an item of a row is, in words, for messages: "python sample", "paragraph", "```console block". */
function describeItem(item: SiblingItem): string {
  if ('sample' in item) {
    return `${item.sample.language} sample`;
  }
  const {node} = item;
  if (node.type === 'code') {
    return `\`\`\`${node.lang ?? ''} block`;
  }
  return nodeName(node);
}

function describeItems(items: readonly SiblingItem[]): string {
  return items.length === 0 ? 'nothing' : items.map(describeItem).join(', ');
}

function lineOf(node: Node | undefined, fallback: Node): number {
  return node?.position?.start.line ?? fallback.position?.start.line ?? 1;
}

function checkAttributes(element: JsxElement, file: VFile): void {
  const allowed = ROW_ATTRIBUTES[element.name ?? ''] ?? [];
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !allowed.includes(attribute.name)) {
      const name = attribute.type === 'mdxJsxAttribute' ? `\`${attribute.name}\`` : 'a spread `{…}`';
      throw new AuthoringError(
        file,
        element,
        `${rowName(element)} has ${name}, which it does not take; it takes ${allowed.map((key) => `\`${key}\``).join(' and ')} (the note is the paragraph inside the row)`,
      );
    }
    if (attribute.name === 'same' && attribute.value !== null && attribute.value !== undefined) {
      throw new AuthoringError(file, element, `${rowName(element)}: write \`same\` on its own, without a value`);
    }
  }
  if (!stringAttribute(element, 'title')?.trim()) {
    throw new AuthoringError(
      file,
      element,
      `<${element.name ?? ''}> needs title="…": the task in a few words, such as title="Integer division"`,
    );
  }
}

/** The note must link to the chapter section that teaches the row. */
function checkNote(element: JsxElement, note: Paragraph, file: VFile): void {
  const links: string[] = [];
  visit(note, 'link', (link) => {
    links.push(link.url);
  });
  const pagePath = displayPath(file).split(path.sep).join('/');
  const teachesIt = links.some((url) => isChapterSectionLink(url, pagePath));
  if (teachesIt) {
    return;
  }
  const found = links.length === 0 ? 'it has no link' : `its links are ${links.map((url) => `(${url})`).join(', ')}`;
  throw new AuthoringError(
    file,
    note,
    `the note of ${rowName(element)} must link to the chapter section that teaches the row, and ${found}; end the note with a Markdown link to a chapter and its #anchor, such as ${LINK_EXAMPLE}`,
  );
}

function firstDifference(python: readonly string[], rust: readonly string[]): string {
  const length = Math.max(python.length, rust.length);
  for (let index = 0; index < length; index += 1) {
    if (python[index] !== rust[index]) {
      const show = (line: string | undefined): string => (line === undefined ? 'no line' : JSON.stringify(line));
      return `output line ${index + 1} is ${show(python[index])} in python and ${show(rust[index])} in rust`;
    }
  }
  return '';
}

/** A `same` row: both samples run to completion and their output blocks are equal. */
function checkSame(element: JsxElement, python: Sample, rust: Sample, file: VFile): void {
  for (const sample of [python, rust]) {
    const mode = sample.attributes.ok ? sample.attributes.value.mode.kind : 'unknown';
    if (mode !== 'run') {
      throw new AuthoringError(
        file,
        sample.line,
        `${rowName(element)} is marked \`same\`, but its ${sample.language} sample is not a plain run (${sample.meta.trim() || mode}); a \`same\` row claims that both samples run and print the same, so drop \`same\` and say in the note how the two differ`,
      );
    }
    if (sample.output === undefined) {
      throw new AuthoringError(
        file,
        sample.line,
        `${rowName(element)} is marked \`same\`, but its ${sample.language} sample has no \`text output\` block to compare; run \`npm run verify-samples -- ${displayPath(file)}\` and paste what it prints`,
      );
    }
  }
  const pythonLines = outputLines(python.output!.text);
  const rustLines = outputLines(rust.output!.text);
  const difference = firstDifference(pythonLines, rustLines);
  if (difference !== '') {
    throw new AuthoringError(
      file,
      element,
      `${rowName(element)} is marked \`same\`, but its two output blocks differ (lines ${python.output!.line} and ${rust.output!.line}): ${difference}; make the two samples print the same thing, or drop \`same\` and say in the note how they differ`,
    );
  }
}

/** A <CheatRow>: python sample, rust sample, note. */
function checkRow(element: JsxElement, file: VFile): void {
  checkAttributes(element, file);
  const {items} = groupSamples(element.children, displayPath(file));
  const [python, rust, note] = items;
  const isSample = (item: SiblingItem | undefined, language: string): item is {sample: Sample} =>
    item !== undefined && 'sample' in item && item.sample.language === language;
  if (
    items.length !== 3 ||
    !isSample(python, 'python') ||
    !isSample(rust, 'rust') ||
    !('node' in note!) ||
    note.node.type !== 'paragraph'
  ) {
    throw new AuthoringError(
      file,
      element,
      `${rowName(element)} needs one python sample, then one rust sample, then one paragraph (the note, with its link); found ${describeItems(items)}`,
    );
  }
  for (const sample of [python.sample, rust.sample]) {
    if (sample.output === undefined && sample.error === undefined) {
      throw new AuthoringError(
        file,
        sample.line,
        `the ${sample.language} sample of ${rowName(element)} has no \`text output\` or \`text error\` block, so the reader cannot see what it does; run \`npm run verify-samples -- ${displayPath(file)}\` and paste what it prints`,
      );
    }
  }
  checkNote(element, note.node, file);
  const same = element.attributes.some(
    (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'same',
  );
  if (same) {
    checkSame(element, python.sample, rust.sample, file);
  }
}

/** A <CheatCommand>: two console blocks of commands, then the note. */
function checkCommand(element: JsxElement, file: VFile): void {
  checkAttributes(element, file);
  const {items} = groupSamples(element.children, displayPath(file));
  const blocks = items.slice(0, 2).map((item) => ('node' in item && item.node.type === 'code' ? item.node : undefined));
  const note = items[2];
  const isConsole = (block: Code | undefined): block is Code => block?.lang === 'console';
  if (
    items.length !== 3 ||
    !isConsole(blocks[0]) ||
    !isConsole(blocks[1]) ||
    !('node' in note!) ||
    note.node.type !== 'paragraph'
  ) {
    throw new AuthoringError(
      file,
      element,
      `${rowName(element)} needs two \`\`\`console blocks (the Python tool's command, then the Rust tool's), then one paragraph (the note, with its link); found ${describeItems(items)}`,
    );
  }
  for (const block of blocks as Code[]) {
    const lines = block.value.split('\n');
    const output = lines.findIndex((line) => !line.startsWith('$ '));
    if (lines.length === 0 || block.value.trim() === '' || output !== -1) {
      throw new AuthoringError(
        file,
        (block.position?.start.line ?? 1) + 1 + Math.max(output, 0),
        `a console block of ${rowName(element)} holds a line that is not a \`$ \` command; these commands are not run, so show commands only, and put what they do into the note`,
      );
    }
  }
  checkNote(element, note.node, file);
}

function checkGroup(element: JsxElement, file: VFile): void {
  const [heading, ...rows] = element.children;
  if (heading?.type !== 'heading' || heading.depth !== 2) {
    throw new AuthoringError(
      file,
      heading ?? element,
      `<${CHEAT_GROUP}> opens with a \`##\` heading naming its topic (it names the group's table, and the contents list at the top links to it); found ${heading ? heading.type : 'nothing'}`,
    );
  }
  const stray = rows.find((child) => !isJsxElement(child, CHEAT_ROW) && !isJsxElement(child, CHEAT_COMMAND));
  if (stray !== undefined) {
    throw new AuthoringError(
      file,
      lineOf(stray, element),
      `<${CHEAT_GROUP}> holds its heading, then only <${CHEAT_ROW}> and <${CHEAT_COMMAND}> elements; move this ${nodeName(stray)} into a row's note or out of the group`,
    );
  }
}

function checkSheet(element: JsxElement, file: VFile): void {
  // A row here is reported by the parent check, which says where it belongs.
  const stray = element.children.find(
    (child) =>
      !isJsxElement(child, CHEAT_GROUP) && !isJsxElement(child, CHEAT_ROW) && !isJsxElement(child, CHEAT_COMMAND),
  );
  if (stray !== undefined) {
    throw new AuthoringError(
      file,
      lineOf(stray, element),
      `<${CHEAT_SHEET}> holds only <${CHEAT_GROUP}> elements; move this ${nodeName(stray)} above or below the sheet`,
    );
  }
}

/** Each element must sit in the one above it: rows render as table rows of their group's table. */
const PARENT_OF: Readonly<Record<string, string>> = {
  [CHEAT_GROUP]: CHEAT_SHEET,
  [CHEAT_ROW]: CHEAT_GROUP,
  [CHEAT_COMMAND]: CHEAT_GROUP,
};

const remarkCheatSheet: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, (node, _index, parent: Parent | undefined) => {
    if (!isJsxElement(node) || node.name === null) {
      return;
    }
    const expectedParent = PARENT_OF[node.name];
    if (expectedParent !== undefined && !(parent !== undefined && isJsxElement(parent, expectedParent))) {
      throw new AuthoringError(
        file,
        node,
        `<${node.name}> belongs directly inside a <${expectedParent}>; move it there (blank lines around tags are fine)`,
      );
    }
    switch (node.name) {
      case CHEAT_SHEET:
        checkSheet(node, file);
        break;
      case CHEAT_GROUP:
        checkGroup(node, file);
        break;
      case CHEAT_ROW:
        checkRow(node, file);
        break;
      case CHEAT_COMMAND:
        checkCommand(node, file);
        break;
    }
  });
};

export default remarkCheatSheet;
