/**
 * The colours of code: which Prism token types take which colour role. Each
 * role is a CSS custom property, `--rfpd-code-<role>`, set for light and dark
 * mode in src/css/custom.css, every colour chosen to pass WCAG AA (4.5:1) on
 * the code background and on a highlighted line, in both modes.
 *
 * Code is highlighted at build time (src/remark/highlightCode.ts): each run of
 * tokens of one role becomes a `<span>` with the role's class (ROLE_CLASS),
 * styled in custom.css, except runs of the role most frequent in the block,
 * which is the colour of the block itself. `prismTheme`, the same table as a
 * Prism theme, is what the theme's own code components would use.
 */
import type {PrismTheme} from 'prism-react-renderer';

export type CodeRole =
  'text' | 'comment' | 'string' | 'number' | 'keyword' | 'function' | 'type' | 'name' | 'punctuation' | 'deleted';

/** Prism token types by colour role; `text` is what no type claims (plain text, most identifiers). */
export const TOKEN_ROLES: Readonly<Record<CodeRole, readonly string[]>> = {
  text: [],
  comment: ['comment', 'prolog', 'doctype', 'cdata'],
  string: ['string', 'attr-value', 'template-punctuation', 'char'],
  number: ['number', 'boolean', 'constant', 'symbol', 'entity', 'url', 'regex', 'inserted', 'lifetime-annotation'],
  keyword: ['keyword', 'atrule', 'selector', 'tag', 'builtin', 'changed', 'interpolation-punctuation'],
  function: ['function', 'function-variable', 'macro'],
  type: ['class-name'],
  name: ['variable', 'property', 'attr-name', 'namespace'],
  punctuation: ['punctuation', 'operator'],
  deleted: ['deleted'],
};

const roleByType = new Map<string, CodeRole>(
  Object.entries(TOKEN_ROLES).flatMap(([role, types]) => types.map((type) => [type, role as CodeRole] as const)),
);

/**
 * The role of a token with these Prism types (outermost first, as Prism nests
 * them): the innermost type that has one, as a theme's styles would cascade;
 * `text` when none has.
 */
export function roleOfToken(types: readonly string[]): CodeRole {
  for (let index = types.length - 1; index >= 0; index -= 1) {
    const role = roleByType.get(types[index]!);
    if (role !== undefined) {
      return role;
    }
  }
  return 'text';
}

/**
 * The class of a role in the highlighted HTML: Pygments' short names, as a
 * chapter holds thousands of them (in its HTML and again in its JavaScript),
 * styled in src/css/custom.css.
 */
export const ROLE_CLASS: Readonly<Record<CodeRole, string>> = {
  text: 'x',
  comment: 'c',
  string: 's',
  number: 'm',
  keyword: 'k',
  function: 'nf',
  type: 'nc',
  name: 'n',
  punctuation: 'p',
  deleted: 'gd',
};

const colour = (name: string): string => `var(--rfpd-code-${name})`;

export const prismTheme: PrismTheme = {
  plain: {color: colour('text'), backgroundColor: colour('background')},
  styles: Object.entries(TOKEN_ROLES)
    .filter(([, types]) => types.length > 0)
    .map(([role, types]) => ({
      types: [...types],
      style: role === 'comment' ? {color: colour(role), fontStyle: 'italic'} : {color: colour(role)},
    })),
};
