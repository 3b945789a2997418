/**
 * What the theme's code blocks import from `prism-react-renderer` (its
 * `Prism` and `Highlight`), on Prism's core with only the languages the docs
 * write (YAML here, JSON, and Bash through the theme's `additionalLanguages`).
 * prism-react-renderer bundles Prism with some thirty languages, 85 KB of JS
 * on every page; the site aliases the package to this module
 * (src/plugins/lightPrism.ts). `Highlight` renders exactly as
 * prism-react-renderer 2.4.1's does (MIT; test/components/highlight.test.ts
 * compares the two on every code block of the docs).
 */
import './manual';
import Prism, {type PrismToken} from 'prismjs/components/prism-core';
import 'prismjs/components/prism-yaml';
import 'prismjs/components/prism-json';
import {useMemo, type CSSProperties, type ReactNode} from 'react';
import type {PrismTheme, Token} from 'prism-react-renderer';

export {Prism};

type StyleDictionary = Record<string, CSSProperties> & {root: CSSProperties; plain: CSSProperties};

/** A theme's styles by token type, for one language; `root` for the block, `plain` for lines. */
function themeToDict(theme: PrismTheme, language: string): StyleDictionary {
  const dict: Record<string, CSSProperties> = {};
  for (const {languages, style, types} of theme.styles) {
    if (languages && !languages.includes(language)) continue;
    for (const type of types) dict[type] = {...dict[type], ...(style as CSSProperties)};
  }
  return {...dict, root: theme.plain as CSSProperties, plain: {...(theme.plain as CSSProperties), backgroundColor: undefined}};
}

function normalizeEmptyLine(line: Token[]): void {
  if (line.length === 0) line.push({types: ['plain'], content: '\n', empty: true});
  else if (line.length === 1 && line[0].content === '') {
    line[0].content = '\n';
    line[0].empty = true;
  }
}

// An alias may be a list: concat adds each of its types.
const withType = (types: string[], type: string | string[]): string[] => (types[types.length - 1] === type ? types : types.concat(type));

/** Prism's nested tokens as lines of flat tokens, each with every type it is nested in. */
export function normalizeTokens(tokens: Array<string | PrismToken>): Token[][] {
  let line: Token[] = [];
  const lines = [line];
  const walk = (list: Array<string | PrismToken>, outer: string[], nested: boolean): void => {
    for (const token of list) {
      let types: string[];
      let content: PrismToken['content'];
      if (typeof token === 'string') {
        types = nested ? outer : ['plain'];
        content = token;
      } else {
        types = withType(outer, token.type);
        if (token.alias) types = withType(types, token.alias);
        content = token.content;
      }
      if (typeof content !== 'string') {
        // Prism's tokenize always nests a list.
        walk(content as Array<string | PrismToken>, types, true);
        continue;
      }
      const parts = content.split(/\r\n|\r|\n/);
      line.push({types, content: parts[0]});
      for (const part of parts.slice(1)) {
        normalizeEmptyLine(line);
        lines.push((line = []));
        line.push({types, content: part});
      }
    }
  };
  walk(tokens, [], false);
  normalizeEmptyLine(line);
  return lines;
}

const classes = (...names: Array<string | undefined | false>) => names.filter(Boolean).join(' ');

interface LineInput {
  line: Token[];
  className?: string;
  style?: CSSProperties;
  [other: string]: unknown;
}
interface TokenInput {
  token: Token;
  className?: string;
  style?: CSSProperties;
  [other: string]: unknown;
}
interface RenderProps {
  tokens: Token[][];
  className: string;
  style: CSSProperties;
  getLineProps(input: LineInput): Record<string, unknown> & {className: string; style?: CSSProperties};
  getTokenProps(input: TokenInput): Record<string, unknown> & {className: string; style?: CSSProperties; children: string};
}

function tokenStyle(dict: StyleDictionary, {types, empty}: Token): CSSProperties | undefined {
  if (types.length === 1 && types[0] === 'plain') return empty ? {display: 'inline-block'} : undefined;
  if (types.length === 1 && empty) return dict[types[0]];
  return Object.assign(empty ? {display: 'inline-block'} : {}, ...types.map((type) => dict[type]));
}

/** prism-react-renderer's `<Highlight>`: tokenizes `code` and hands lines and prop getters to its child function. */
export function Highlight({code, language: rawLanguage, theme, children}: {code: string; language: string; theme: PrismTheme; children: (props: RenderProps) => ReactNode}): ReactNode {
  const language = rawLanguage.toLowerCase();
  const dict = useMemo(() => themeToDict(theme, language), [theme, language]);
  const grammar = Prism.languages[language];
  const tokens = useMemo(() => {
    if (!grammar) return normalizeTokens([code]);
    const env = {code, grammar, language, tokens: [] as Array<string | PrismToken>};
    Prism.hooks.run('before-tokenize', env);
    env.tokens = Prism.tokenize(code, grammar);
    Prism.hooks.run('after-tokenize', env);
    return normalizeTokens(env.tokens);
  }, [code, grammar, language]);
  const getLineProps: RenderProps['getLineProps'] = ({className, style, line: _line, ...rest}) => ({
    ...rest,
    className: classes('token-line', className),
    style: style ? {...dict.plain, ...style} : dict.plain,
  });
  const getTokenProps: RenderProps['getTokenProps'] = ({token, className, style, ...rest}) => {
    const own = tokenStyle(dict, token);
    return {...rest, className: classes('token', ...token.types, className), children: token.content, style: style ? {...own, ...style} : own};
  };
  return children({tokens, className: `prism-code language-${language}`, style: dict.root, getLineProps, getTokenProps});
}
