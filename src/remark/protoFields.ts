/**
 * Shows the fields of a Protobuf message as a table generated from its .proto
 * file, so the book's description of the ETL job's output cannot drift from
 * the contract the job writes.
 *
 * Takes: `<ProtoFields file="examples/…/x.proto" message="Order" />`, the path
 * from the repository root. Gives: a Markdown table in its place, one row per
 * field in the order of the file: the field's name, its number, its type and
 * the `//` comment written above it (or after it, on the same line). A missing
 * file or message, or a message without fields, fails the build with the
 * doc's path and line and what to write instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

import {AuthoringError} from './authoringError';
import {isJsxElement, stringAttribute} from './mdxJsx';

const ELEMENT = 'ProtoFields';
const HEADINGS = ['Field', 'Number', 'Type', 'What it holds'] as const;

export interface ProtoField {
  readonly name: string;
  readonly number: number;
  /** As written: `string`, `repeated int64`, `map<string, int64>`, `etl.v1.Money`. */
  readonly type: string;
  /** The field's comment, its lines joined by spaces; empty when it has none. */
  readonly comment: string;
}

export interface MessageResult {
  readonly fields?: readonly ProtoField[];
  readonly problem?: string;
}

/** `// text` comments become text; code is kept, without its trailing comment. */
function splitComment(line: string): {code: string; comment: string} {
  const at = line.indexOf('//');
  return at === -1 ? {code: line, comment: ''} : {code: line.slice(0, at), comment: line.slice(at + 2).trim()};
}

const MESSAGE_OPEN = /^\s*message\s+(\w+)\s*\{/;
const FIELD = /^\s*((?:repeated|optional)\s+)?(map\s*<[^>]*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(?:\[[^\]]*\]\s*)?;/;

function braceChange(code: string): number {
  return (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0);
}

/** The names of the top-level and nested messages a .proto file defines. */
export function messageNames(source: string): string[] {
  return source.split('\n').flatMap((line) => {
    const match = MESSAGE_OPEN.exec(splitComment(line).code);
    return match ? [match[1]!] : [];
  });
}

/**
 * The fields of one message, read line by line: the message's own fields and
 * those of its `oneof` groups; nested messages and enums are skipped. Enough
 * for the proto3 files of examples/, not a general Protobuf parser.
 */
export function readMessage(source: string, message: string): MessageResult {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => MESSAGE_OPEN.exec(splitComment(line).code)?.[1] === message);
  if (start === -1) {
    const known = messageNames(source);
    return {problem: `has no message \`${message}\`; messages there: ${known.length > 0 ? known.join(', ') : 'none'}`};
  }
  const fields: ProtoField[] = [];
  let pending: string[] = [];
  let depth = braceChange(splitComment(lines[start]!).code);
  // Depth inside the message: 1 for its own fields; a `oneof` keeps its fields at the message's level.
  const oneofDepths: number[] = [];
  for (const line of lines.slice(start + 1)) {
    if (depth <= 0) break;
    const {code, comment} = splitComment(line);
    if (line.trim() === '') {
      pending = []; // a blank line parts a comment from the field below it
      continue;
    }
    if (code.trim() === '') {
      pending.push(comment);
      continue;
    }
    const fieldLevel = depth === 1 || (oneofDepths.length > 0 && depth === oneofDepths[oneofDepths.length - 1]);
    const field = fieldLevel ? FIELD.exec(code) : null;
    if (field) {
      const type = `${field[1] ?? ''}${field[2]!}`.replace(/\s+/g, ' ').trim();
      fields.push({
        name: field[3]!,
        number: Number(field[4]),
        type,
        comment: [...pending, comment].filter((part) => part !== '').join(' '),
      });
    }
    pending = [];
    if (fieldLevel && /^\s*oneof\s+\w+\s*\{/.test(code)) {
      oneofDepths.push(depth + 1);
    }
    depth += braceChange(code);
    while (oneofDepths.length > 0 && depth < oneofDepths[oneofDepths.length - 1]!) {
      oneofDepths.pop();
    }
  }
  if (fields.length === 0) {
    return {problem: `message \`${message}\` has no fields the table could show`};
  }
  return {fields};
}

function cell(children: PhrasingContent[]): TableCell {
  return {type: 'tableCell', children};
}

function code(value: string): PhrasingContent {
  return {type: 'inlineCode', value};
}

/** The table that replaces the element: one header row, one row per field. */
export function fieldsTable(fields: readonly ProtoField[]): Table {
  const header: TableRow = {
    type: 'tableRow',
    children: HEADINGS.map((heading) => cell([{type: 'text', value: heading}])),
  };
  const rows: TableRow[] = fields.map((field) => ({
    type: 'tableRow',
    children: [
      cell([code(field.name)]),
      cell([{type: 'text', value: String(field.number)}]),
      cell([code(field.type)]),
      cell(field.comment === '' ? [] : [{type: 'text', value: field.comment}]),
    ],
  }));
  return {type: 'table', align: ['left', 'right', 'left', 'left'], children: [header, ...rows]};
}

const remarkProtoFields: Plugin<[], Root> = () => (tree, file) => {
  const siteDir = file.cwd;
  visit(tree, (node, index, parent) => {
    if (!isJsxElement(node, ELEMENT) || parent === undefined || index === undefined) {
      return undefined;
    }
    if (node.type !== 'mdxJsxFlowElement') {
      throw new AuthoringError(
        file,
        node,
        `<${ELEMENT}> becomes a table, so it needs a line of its own, with a blank line above and below it`,
      );
    }
    const relative = stringAttribute(node, 'file') ?? '';
    const message = stringAttribute(node, 'message') ?? '';
    if (relative === '' || message === '') {
      throw new AuthoringError(
        file,
        node,
        `<${ELEMENT}> needs file="…" and message="…" as plain strings, such as file="examples/etl/proto/order.proto" message="Order"`,
      );
    }
    const absolute = path.resolve(siteDir, relative);
    if (!absolute.startsWith(siteDir + path.sep) || !fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
      throw new AuthoringError(
        file,
        node,
        `<${ELEMENT}> file "${relative}" does not exist; give a .proto path from the repository root, such as file="examples/etl/proto/order.proto"`,
      );
    }
    const result = readMessage(fs.readFileSync(absolute, 'utf8'), message);
    if (result.fields === undefined) {
      throw new AuthoringError(
        file,
        node,
        `<${ELEMENT}>: ${relative} ${result.problem ?? 'cannot be read'}; fix message="…"`,
      );
    }
    const table: RootContent = {...fieldsTable(result.fields), ...(node.position ? {position: node.position} : {})};
    (parent.children as RootContent[]).splice(index, 1, table);
    return [SKIP, index + 1];
  });
};

export default remarkProtoFields;
