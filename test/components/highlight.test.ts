/**
 * The site's code highlighter (src/lib/prism, which the build puts in place
 * of prism-react-renderer) renders every code block of the docs exactly as
 * prism-react-renderer does, with the site's theme and one of the package's
 * own with per-language styles (vsDark), and has a grammar for every
 * language the docs write.
 */
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, test} from 'node:test';
import {createElement, type ReactNode} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import * as original from 'prism-react-renderer';
import {codeTheme} from '../../src/lib/prismThemes';
import {PROJECT_ROOT} from '../support/chart';
import config from '../../docusaurus.config';

const require = createRequire(import.meta.url);
/** Languages drawn by something else than Prism. */
const NOT_PRISM = new Set(['mermaid']);

/** What Docusaurus's theme adds to Prism: its `additionalLanguages`, loaded on a Prism instance as prism-include-languages does. */
function addLanguages(prism: unknown): void {
  const {additionalLanguages} = (config.themeConfig as {prism: {additionalLanguages: string[]}}).prism;
  const globals = globalThis as {Prism?: unknown};
  globals.Prism = prism;
  for (const language of additionalLanguages) {
    const file = require.resolve(`prismjs/components/prism-${language}`);
    delete require.cache[file];
    require(file);
  }
  delete globals.Prism;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : mdxFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every fenced code block of the docs, every version. */
function codeBlocks(): Array<{file: string; language: string; code: string}> {
  const files = [...mdxFiles(path.join(PROJECT_ROOT, 'docs')), ...mdxFiles(path.join(PROJECT_ROOT, 'versioned_docs'))];
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^([ \t]*)```(\w+)[^\n]*\n([\s\S]*?)\n\1```[ \t]*$/gm)].map((match) => ({
      file: path.relative(PROJECT_ROOT, file),
      language: match[2],
      code: match[3].replace(new RegExp(`^${match[1]}`, 'gm'), ''),
    })),
  );
}

type HighlightComponent = typeof original.Highlight;

/** A code block as the theme renders it (CodeBlock/Content and Line): lines and tokens with their props. */
function render(Highlight: HighlightComponent, code: string, language: string, theme: original.PrismTheme): string {
  const child = ({className, style, tokens, getLineProps, getTokenProps}: Parameters<Parameters<HighlightComponent>[0]['children']>[0]): ReactNode =>
    createElement(
      'pre',
      {className, style},
      tokens.map((line, i) =>
        createElement(
          'div',
          {key: i, ...getLineProps({line, className: i === 1 ? 'theme-code-block-highlighted-line' : undefined})},
          line.map((token, k) => createElement('span', {key: k, ...getTokenProps({token})})),
        ),
      ),
    );
  return renderToStaticMarkup(createElement(Highlight, {code, language, theme, children: child}));
}

describe('the code highlighter', async () => {
  addLanguages(original.Prism);
  const light = await import('../../src/lib/prism');
  addLanguages(light.Prism);
  const blocks = codeBlocks();

  test('renders every code block of the docs as prism-react-renderer does, with either theme', () => {
    assert.ok(blocks.length > 100, `code blocks: ${blocks.length}`);
    const differ: string[] = [];
    let tokens = 0;
    for (const {file, language, code} of blocks) {
      if (NOT_PRISM.has(language)) continue;
      for (const theme of [codeTheme, original.themes.vsDark]) {
        const expected = render(original.Highlight, code, language, theme);
        const actual = render(light.Highlight as unknown as HighlightComponent, code, language, theme);
        tokens += (expected.match(/class="token /g) ?? []).length;
        if (actual !== expected) differ.push(`${file} (${language})`);
      }
    }
    assert.deepEqual(differ, []);
    console.log(`${blocks.length} code blocks, ${tokens} tokens, the same markup`);
  });

  test('has a grammar for every language the docs write', () => {
    const languages = new Set(blocks.map((block) => block.language).filter((language) => !NOT_PRISM.has(language)));
    assert.ok(languages.has('yaml') && languages.has('bash'), [...languages].join(', '));
    for (const language of languages) assert.ok(light.Prism.languages[language], `a grammar for ${language}`);
  });

  test('highlights: a YAML key and a Bash option are tokens of their own', () => {
    assert.match(render(light.Highlight as unknown as HighlightComponent, 'sync:\n  toHost: {}\n', 'yaml', codeTheme), /class="token key atrule"[^>]*>sync</);
    assert.match(render(light.Highlight as unknown as HighlightComponent, 'helm upgrade --install x', 'bash', codeTheme), /class="token parameter variable"[^>]*>--install</);
  });
});
