/**
 * The code highlighting theme: one Prism theme whose colours are CSS custom
 * properties, set for light and dark mode in src/css/custom.css. The server
 * renders the same markup whatever the reader's colour mode, so code blocks
 * need no re-render after hydration (see src/theme/CodeBlock), and every
 * colour is chosen to pass WCAG AA (4.5:1) on the code background and on a
 * highlighted line, in both modes.
 */
import type {PrismTheme} from 'prism-react-renderer';

const token = (name: string): string => `var(--rfpd-code-${name})`;

export const prismTheme: PrismTheme = {
  plain: {color: token('text'), backgroundColor: token('background')},
  styles: [
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: token('comment'), fontStyle: 'italic'}},
    {types: ['string', 'attr-value', 'template-punctuation', 'char'], style: {color: token('string')}},
    {
      types: ['number', 'boolean', 'constant', 'symbol', 'entity', 'url', 'regex', 'inserted', 'lifetime-annotation'],
      style: {color: token('number')},
    },
    {
      types: ['keyword', 'atrule', 'selector', 'tag', 'builtin', 'changed', 'interpolation-punctuation'],
      style: {color: token('keyword')},
    },
    {types: ['function', 'function-variable', 'macro'], style: {color: token('function')}},
    {types: ['class-name'], style: {color: token('type')}},
    {types: ['variable', 'property', 'attr-name', 'namespace'], style: {color: token('name')}},
    {types: ['punctuation', 'operator'], style: {color: token('punctuation')}},
    {types: ['deleted'], style: {color: token('deleted')}},
  ],
};
