/**
 * The few operations on a parse5 tree that assembling the book needs: walk,
 * find, read and change attributes, read text, move and remove nodes. parse5
 * parses the way a browser does, so what is found here is what Chromium sees.
 */
import {defaultTreeAdapter, parse, parseFragment, serializeOuter, type DefaultTreeAdapterMap} from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];
export type ChildNode = DefaultTreeAdapterMap['childNode'];
export type Document = DefaultTreeAdapterMap['document'];

export const parseDocument = (html: string): Document => parse(html);

export function isElement(node: DefaultTreeAdapterMap['node']): node is Element {
  return 'tagName' in node;
}

/** Every element under `node`, in document order (template contents included). */
export function* elementsUnder(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (isElement(child)) {
      yield child;
      yield* elementsUnder(child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child);
    }
  }
}

export function findElement(node: ParentNode, test: (element: Element) => boolean): Element | undefined {
  for (const element of elementsUnder(node)) {
    if (test(element)) {
      return element;
    }
  }
  return undefined;
}

export function findElements(node: ParentNode, test: (element: Element) => boolean): Element[] {
  return [...elementsUnder(node)].filter(test);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attr) => attr.name === name);
  if (existing) {
    existing.value = value;
  } else {
    element.attrs.push({name, value});
  }
}

export function removeAttribute(element: Element, name: string): void {
  element.attrs = element.attrs.filter((attr) => attr.name !== name);
}

export function hasClass(element: Element, className: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(className);
}

/** The text a reader sees, whitespace squashed. */
export function textOf(node: ParentNode): string {
  const parts: string[] = [];
  const walk = (parent: ParentNode): void => {
    for (const child of parent.childNodes) {
      if (child.nodeName === '#text') {
        parts.push((child as DefaultTreeAdapterMap['textNode']).value);
      } else if (isElement(child)) {
        walk(child);
      }
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function removeNode(node: ChildNode): void {
  defaultTreeAdapter.detachNode(node);
}

/** Parses `html` and appends its nodes to `parent`. */
export function appendHtml(parent: ParentNode, html: string): void {
  for (const child of [...parseFragment(html).childNodes]) {
    defaultTreeAdapter.appendChild(parent, child);
  }
}

/** Parses `html` and puts its nodes right after `reference`. */
export function insertHtmlAfter(reference: ChildNode, html: string): void {
  const parent = reference.parentNode;
  if (!parent) {
    throw new Error('insertHtmlAfter: the reference node is not in a tree');
  }
  const next = parent.childNodes[parent.childNodes.indexOf(reference) + 1];
  for (const child of [...parseFragment(html).childNodes]) {
    if (next) {
      defaultTreeAdapter.insertBefore(parent, child, next);
    } else {
      defaultTreeAdapter.appendChild(parent, child);
    }
  }
}

export const outerHtml = (element: Element): string => serializeOuter(element);

export const innerHtml = (element: Element): string =>
  element.childNodes.map((child) => serializeOuter(child)).join('');

const ESCAPES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'};

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (character) => ESCAPES[character]!);
