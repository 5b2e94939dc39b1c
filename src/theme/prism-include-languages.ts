/**
 * The theme loads extra Prism languages into the browser's Prism here
 * (swizzled, ejected). Code is highlighted at build time instead
 * (src/remark/highlightCode.ts, which loads them in Node), so the browser has
 * no Prism to load them into: this does nothing.
 */
export default function prismIncludeLanguages(): void {
  // Nothing to load: see above.
}
