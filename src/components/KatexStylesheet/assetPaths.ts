/**
 * Where the site serves KaTeX's assets: one definition for the plugin that
 * copies them into place (src/plugins/katexAssets.ts) and the component that
 * links the stylesheet. Client-safe: no Node imports.
 */
export const KATEX_DIR = 'katex';
export const KATEX_STYLESHEET_FILE = 'katex.min.css';
/** Relative to the site's base URL. */
export const KATEX_STYLESHEET = `${KATEX_DIR}/${KATEX_STYLESHEET_FILE}`;
