/**
 * The compact reference entries of the Markdown twins, from fixture field
 * records: path, type, default, allowed values, badges, curated facts
 * (Pro conditions, replacement, effective default, requirements, notes; never
 * their evidence), history (since, removed, deprecated since, default changes)
 * and descriptions whose markup comes out as text.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Root} from 'mdast';
import {fieldEntries, fieldEntry} from '../../src/plugins/markdownTwins/fieldEntries';
import {serializeMarkdown} from '../../src/plugins/markdownTwins/markdown';
import type {IndexedFact} from '../../src/reference/fieldIndex';
import {fieldRecord} from '../support/fieldRecords';
import {ALL_PAYLOADS, HOSTILE_DESCRIPTION, PAYLOADS, asDescriptionText} from '../support/hostileSite';
import {fieldHeadings, htmlNodes, links, textOfMarkdown} from '../support/markdownTwins';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';

const render = (nodes: Root['children']): string => serializeMarkdown({type: 'root', children: nodes});
const reparse = (markdown: string): Root => fromMarkdown(markdown, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
/** The entry's summary: the paragraph right under its heading. */
const summaryLine = (markdown: string): string => markdown.split('\n\n')[1].trim();

const fact = (fields: Omit<IndexedFact, 'evidence'>): IndexedFact => ({...fields, evidence: 'pkg/secret/evidence.go#L1 (maintainers only)'});

describe('field entries', () => {
  it('lead with a heading holding only the full path, then type and default', () => {
    const markdown = render(fieldEntry(fieldRecord('controlPlane.distro.k8s.enabled', {type: 'boolean', default: false, defaultYaml: 'false', description: 'Turns it on.'}), 3));
    assert.equal(markdown, '### `controlPlane.distro.k8s.enabled`\n\n`boolean` · default `false`\n\nTurns it on.\n');
  });

  it('put a default of several lines in a YAML block, and list allowed values', () => {
    const yaml = '- maxSkew: 1\n  topologyKey: kubernetes.io/hostname';
    const markdown = render(fieldEntry(fieldRecord('a.spread', {type: 'any[]', default: [{maxSkew: 1}], defaultYaml: yaml, allowedValues: ['Cluster', 'Namespaced', 3]}), 2));
    assert.ok(markdown.includes(`Default:\n\n\`\`\`yaml\n${yaml}\n\`\`\``), markdown);
    assert.ok(markdown.includes('Allowed values: `Cluster`, `Namespaced`, `3`'), markdown);
    assert.equal(summaryLine(markdown), '`any[]`', 'no default in the summary line');
    const objects = render(fieldEntry(fieldRecord('a.b', {allowedValues: [{a: 1}, {b: [1, 2]}]}), 2));
    assert.ok(objects.includes('Allowed values:\n\n```yaml\n- a: 1\n- b:\n    - 1\n    - 2\n```'), objects);
  });

  it('show required, Pro, deprecated, since and removed in the summary line', () => {
    const line = summaryLine(render(fieldEntry(fieldRecord('a.b', {type: 'string', required: true, pro: true, deprecated: true, since: '1.1.0', removedIn: '1.3.0'}), 2)));
    assert.equal(line, '`string` · required · Pro · deprecated · since 1.1.0 · removed in 1.3.0');
  });

  it('show Pro conditions, the replacement and the release that deprecated it, from the deprecation, facts and history of the record', () => {
    const record = fieldRecord('controlPlane.backingStore.etcd.embedded.enabled', {
      type: 'boolean',
      deprecated: true,
      replacement: 'controlPlane.backingStore.database.embedded.enabled',
      deprecatedIn: '1.2.0',
      facts: [fact({kind: 'pro', when: 'with the k8s distro'}), fact({kind: 'pro', when: 'with embedded etcd'}), fact({kind: 'deprecated', replacement: 'controlPlane.backingStore.database.embedded.enabled'})],
    });
    const markdown = render(fieldEntry(record, 2));
    assert.equal(summaryLine(markdown), '`boolean` · Pro with the k8s distro or with embedded etcd · deprecated since 1.2.0: use `controlPlane.backingStore.database.embedded.enabled`');
    // A schema-wide Pro flag wins over conditions.
    assert.match(summaryLine(render(fieldEntry({...record, pro: true}, 2))), /· Pro · /u);
  });

  it('list facts with text under their labels, with their links, and never their evidence', () => {
    const record = fieldRecord('sync.toHost.pods.enabled', {
      facts: [
        fact({kind: 'default', text: 'On unless **`sync.toHost.pods`** is off.'}),
        fact({kind: 'requires', text: 'A host with CSI.', link: 'https://www.vcluster.com/docs/csi'}),
        fact({kind: 'note', text: 'Read this.', link: 'javascript:alert(1)'}),
        fact({kind: 'pro', when: 'with sleep mode', text: 'Sleep mode is part of Pro.'}),
      ],
    });
    const markdown = render(fieldEntry(record, 2));
    assert.ok(markdown.includes('- **Effective default:** On unless **`sync.toHost.pods`** is off.'), markdown);
    assert.ok(markdown.includes('- **Requires:** A host with CSI. [Read more](https://www.vcluster.com/docs/csi)'), markdown);
    assert.ok(markdown.includes('- **Note:** Read this. (javascript:alert(1))'), 'an unsafe link stays text');
    assert.ok(markdown.includes('- **Pro with sleep mode:** Sleep mode is part of Pro.'), markdown);
    assert.ok(!markdown.includes('evidence'), 'no evidence');
    assert.deepEqual(links(reparse(markdown)), ['https://www.vcluster.com/docs/csi']);
  });

  it('list default changes, one-line and multi-line', () => {
    const record = fieldRecord('a.b', {
      defaultChanges: [
        {version: '1.1.0', fromYaml: 'false', toYaml: 'true'},
        {version: '1.2.0', fromYaml: 'true'},
        {version: '1.2.0', fromYaml: 'a: 1\nb: 2', toYaml: 'a: 2'},
      ],
    });
    const markdown = render(fieldEntry(record, 2));
    assert.ok(markdown.includes('- Default changed in 1.1.0: from `false` to `true`'), markdown);
    assert.ok(markdown.includes('- Default changed in 1.2.0: from `true` to no default'), markdown);
    assert.ok(markdown.includes('- Default changed in 1.2.0, from:\n  ```yaml\n  a: 1\n  b: 2\n  ```\n  to:\n  ```yaml\n  a: 2\n  ```'), markdown);
  });

  it('write hostile descriptions and names as text: no raw HTML, no unsafe link', () => {
    const records = ALL_PAYLOADS.map((payload) => fieldRecord(`xss[${JSON.stringify(payload)}]`, {type: 'string', description: HOSTILE_DESCRIPTION, defaultYaml: JSON.stringify(payload), allowedValues: [payload]}));
    const tree = reparse(render(fieldEntries(records, 6)));
    assert.deepEqual(htmlNodes(tree), []);
    assert.deepEqual(links(tree), [], 'the javascript: link is text');
    assert.deepEqual(fieldHeadings(tree), records.map((record) => record.path), 'each name reads back as its path');
    const text = textOfMarkdown(tree);
    for (const payload of ALL_PAYLOADS) assert.ok(text.includes(asDescriptionText(payload)), `${payload} is text`);
    assert.ok(text.includes("import x from 'y'") && text.includes(PAYLOADS.script), 'ESM lines and code stay text');
  });

  it('keep headings between h1 and h6', () => {
    assert.match(render(fieldEntry(fieldRecord('a'), 9)), /^###### `a`/u);
    assert.match(render(fieldEntry(fieldRecord('a'), 0)), /^# `a`/u);
  });
});
