import type {PrismTheme} from 'prism-react-renderer';

/**
 * The code blocks' one Prism theme, for both colour modes: each token group
 * takes its colour from a CSS custom property (`--code-key`, ...), which
 * src/css/custom.css sets for the light and the dark mode (GitHub's
 * accessible Primer palettes, every token at 4.5:1 or more on its block's
 * background; Prism's GitHub theme writes YAML keys in #00a4db, 2.7:1 on
 * #f6f8fa). One theme makes the server's markup right in either mode, so
 * code blocks need no second render after hydration (src/theme/CodeBlock).
 */
const GROUPS = {
  comment: ['comment', 'prolog', 'doctype', 'cdata'],
  key: ['atrule', 'attr-name', 'property', 'key', 'boolean', 'number', 'constant', 'symbol', 'important'],
  string: ['string', 'char', 'attr-value', 'regex', 'url', 'scalar'],
  keyword: ['keyword', 'selector', 'builtin', 'deleted'],
  function: ['function', 'class-name'],
  variable: ['variable', 'parameter'],
  tag: ['tag', 'inserted', 'namespace'],
  punctuation: ['punctuation', 'operator', 'entity'],
};

const colour = (name: string) => `var(--code-${name})`;

export const codeTheme: PrismTheme = {
  plain: {color: colour('plain'), backgroundColor: colour('background')},
  styles: Object.entries(GROUPS).map(([group, types]) => ({types, style: {color: colour(group), ...(group === 'comment' ? {fontStyle: 'italic' as const} : {})}})),
};
