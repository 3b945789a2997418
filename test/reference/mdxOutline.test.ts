/** The one fence-aware reading of MDX pages (src/reference/mdxOutline.ts). */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {outlineMdx} from '../../src/reference/mdxOutline';

describe('outlining an MDX page', () => {
  test('reads top-level imports, not those in code blocks or front matter', () => {
    const text = "---\nimport: 'x'\n---\nimport A from './a.mdx';\nimport {\n  B,\n} from \"./b.mdx\";\n\n```mdx\nimport C from './c.mdx';\n```\n";
    assert.deepEqual(outlineMdx(text).imports, ['./a.mdx', './b.mdx']);
  });

  test('finds fences with their line, skipping fences inside longer ones', () => {
    const text = '````md\n```yaml title="vcluster.yaml"\nx: 1\n```\n````\n\n- item\n\n  ```yaml title="vcluster.yaml" skip-validation="x"\n  a: 1\n  ```\n';
    assert.deepEqual(outlineMdx(text).fences, [
      {line: 1, lang: 'md', meta: ''},
      {line: 9, lang: 'yaml', meta: 'title="vcluster.yaml" skip-validation="x"'},
    ]);
  });

  test('a backtick run with a backtick in its info is inline code, not a fence; tildes close only tildes', () => {
    const text = '``` a `b` c\nimport A from "./a.mdx";\n~~~\n```\nimport B from "./b.mdx";\n~~~\nimport C from "./c.mdx";\n';
    const outline = outlineMdx(text);
    assert.deepEqual(outline.fences, [{line: 3, lang: '', meta: ''}]);
    assert.deepEqual(outline.imports, ['./a.mdx', './c.mdx']);
  });

  test('a fence in a blockquote counts too', () => {
    assert.deepEqual(outlineMdx('> ```yaml title="vcluster.yaml"\n> a: 1\n> ```\n').fences, [{line: 1, lang: 'yaml', meta: 'title="vcluster.yaml"'}]);
  });
});
