import type {PrismTheme} from 'prism-react-renderer';

/**
 * Code colours for both modes, every token at 4.5:1 or more on its block's
 * background (WCAG 1.4.3). Prism's GitHub theme writes YAML keys in #00a4db
 * (2.7:1 on #f6f8fa) and Dracula's comments reach 3:1; these take GitHub's
 * own accessible palettes (Primer, light and dark) instead.
 */
function theme(plain: {color: string; backgroundColor: string}, colors: Record<string, string>, italic: string[]): PrismTheme {
  const groups: Record<string, string[]> = {
    comment: ['comment', 'prolog', 'doctype', 'cdata'],
    key: ['atrule', 'attr-name', 'property', 'key', 'boolean', 'number', 'constant', 'symbol', 'important'],
    string: ['string', 'char', 'attr-value', 'regex', 'url', 'scalar'],
    keyword: ['keyword', 'selector', 'builtin', 'deleted'],
    function: ['function', 'class-name'],
    variable: ['variable', 'parameter'],
    tag: ['tag', 'inserted', 'namespace'],
    punctuation: ['punctuation', 'operator', 'entity'],
  };
  return {
    plain,
    styles: Object.entries(groups).map(([group, types]) => ({types, style: {color: colors[group], ...(italic.includes(group) ? {fontStyle: 'italic' as const} : {})}})),
  };
}

export const lightCodeTheme = theme(
  {color: '#1f2328', backgroundColor: '#f6f8fa'},
  {comment: '#57606a', key: '#0550ae', string: '#0a3069', keyword: '#cf222e', function: '#8250df', variable: '#953800', tag: '#116329', punctuation: '#1f2328'},
  ['comment'],
);

export const darkCodeTheme = theme(
  {color: '#e6edf3', backgroundColor: '#161b22'},
  {comment: '#8b949e', key: '#79c0ff', string: '#a5d6ff', keyword: '#ff7b72', function: '#d2a8ff', variable: '#ffa657', tag: '#7ee787', punctuation: '#e6edf3'},
  ['comment'],
);
