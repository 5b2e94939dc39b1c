/**
 * What the reader's bundle gets in place of `prism-react-renderer` (see
 * codeHighlightedAtBuild.ts): code is highlighted at build time, so nothing in
 * the browser tokenises it. The theme's client module still hands `Prism` to
 * src/theme/prism-include-languages.ts, which does nothing with it.
 */
export const Prism = {languages: {}, hooks: {add: () => undefined, run: () => undefined}};

export const themes = {};

/** Reached only if a component renders the theme's own highlighter: say where code is highlighted instead. */
export function Highlight(): never {
  throw new Error(
    'prism-react-renderer is not in the bundle: code is highlighted at build time by src/remark/highlightCode.ts ' +
      'and rendered by src/theme/CodeBlock; render code through that CodeBlock',
  );
}

export function normalizeTokens(): never {
  return Highlight();
}

export function useTokenize(): never {
  return Highlight();
}
