/**
 * Small helpers to build and read MDX JSX elements in an mdast tree, shared by
 * the remark plugins that turn fences into components.
 */
import type {Node} from 'unist';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {BlockContent, DefinitionContent} from 'mdast';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsxElement(node: Node, name?: string): node is JsxElement {
  const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
  return isElement && (name === undefined || (node as JsxElement).name === name);
}

/** A string attribute's value; undefined when absent or an expression. */
export function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

export function setStringAttribute(element: JsxElement, name: string, value: string): void {
  const existing = element.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  if (existing) {
    existing.value = value;
  } else {
    element.attributes.push({type: 'mdxJsxAttribute', name, value});
  }
}

export function flowElement(
  name: string,
  attributes: Readonly<Record<string, string | undefined>>,
  children: (BlockContent | DefinitionContent)[],
  position?: Node['position'],
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([attributeName, value]) => ({type: 'mdxJsxAttribute', name: attributeName, value})),
    children,
    ...(position ? {position} : {}),
  };
}
