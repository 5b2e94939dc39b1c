/**
 * Checks every link into the Rust Book, Rust By Example and Rustlings against
 * the reference catalogue, and gives each <RefCard> its titles.
 *
 * Takes: Markdown links and definitions, `<a href>` and `<RefCard href why>`
 * elements. Gives: the same tree, with `book`, `pageTitle` and `sectionTitle`
 * set on each RefCard from the catalogue (never typed by hand). A link to a
 * page or anchor the catalogue lacks fails the build with the doc's path, the
 * line, the bad URL and the closest real page or anchor.
 */
import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import type {Node} from 'unist';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

import {isReferenceUrl, lookupReference, type Reference} from '../data/referenceCatalogue';
import {AuthoringError} from './authoringError';
import {isJsxElement, setStringAttribute, stringAttribute} from './mdxJsx';

const CARD_ELEMENT = 'RefCard';

function checkUrl(url: string, node: Node, file: VFile): Reference | undefined {
  if (!isReferenceUrl(url)) {
    return undefined;
  }
  const result = lookupReference(url);
  if (!result.ok) {
    throw new AuthoringError(file, node, `${result.message}; pick a URL from src/data/reference-links/*.json`);
  }
  return result.reference;
}

const remarkReferenceLinks: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      checkUrl((node as {url: string}).url, node, file);
      return;
    }
    if (isJsxElement(node, 'a')) {
      const href = stringAttribute(node, 'href');
      if (href !== undefined) {
        checkUrl(href, node, file);
      }
      return;
    }
    if (!isJsxElement(node, CARD_ELEMENT)) {
      return;
    }
    const href = stringAttribute(node, 'href');
    if (href === undefined) {
      throw new AuthoringError(
        file,
        node,
        '<RefCard> needs href="…" as a plain string: a URL into the Rust Book, Rust By Example or Rustlings',
      );
    }
    if (!stringAttribute(node, 'why')?.trim()) {
      throw new AuthoringError(
        file,
        node,
        `<RefCard href="${href}"> needs why="…": one line telling the reader why to follow it`,
      );
    }
    const reference = checkUrl(href, node, file);
    if (!reference) {
      throw new AuthoringError(
        file,
        node,
        `<RefCard> is for the Rust Book, Rust By Example and Rustlings; ${href} is none of them — use a plain Markdown link`,
      );
    }
    setStringAttribute(node, 'book', reference.book);
    setStringAttribute(node, 'pageTitle', reference.pageTitle);
    if (reference.sectionTitle !== undefined) {
      setStringAttribute(node, 'sectionTitle', reference.sectionTitle);
    }
  });
};

export default remarkReferenceLinks;
