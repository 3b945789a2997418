/**
 * Both plugins against the real generated reference of vCluster (field index
 * and chart schema under docs/_partials/config/, generated first when
 * missing), on in-memory pages placed in the real docs directory.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {before, describe, test} from 'node:test';
import type {FieldIndex} from '../../src/reference/fieldIndex';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import {PathResolver} from '../../src/reference/resolvePath';
import {PROJECT_ROOT, ensureRealReference, failureOf, linksOf, processMdx} from '../support/remarkSite';

let index: FieldIndex;
let current: string;

before(() => {
  ensureRealReference();
  current = currentVersion(readManifestSync(PROJECT_ROOT));
  index = readIndexedFieldsSync(partialsDirFor(PROJECT_ROOT, current, current), current).index;
});

const docsFile = (relative: string): string => path.join(PROJECT_ROOT, 'docs', relative);

function example(yaml: string, meta = 'title="vcluster.yaml"'): string {
  return `# Example\n\n\`\`\`yaml ${meta}\n${yaml}\`\`\`\n`;
}

describe('examples against the real chart schema', () => {
  test('a realistic example passes', async () => {
    const yaml = `controlPlane:
  distro:
    k8s:
      enabled: true
  backingStore:
    etcd:
      deploy:
        enabled: true
        statefulSet:
          highAvailability:
            replicas: 3
  statefulSet:
    highAvailability:
      replicas: 3
    resources:
      requests:
        cpu: 500m
        memory: 1Gi
  service:
    spec:
      type: LoadBalancer
  proxy:
    extraSANs:
      - team-x.vcluster.example.com
sync:
  toHost:
    ingresses:
      enabled: true
`;
    await processMdx(example(yaml), docsFile('zz-remark-test.mdx'));
  });

  test('a wrong type names file:line, path and the expected type', async () => {
    const message = await failureOf(processMdx(example('controlPlane:\n  distro:\n    k8s:\n      enabled: "yes"\n'), docsFile('zz-remark-test.mdx')));
    assert.match(message, /docs\/zz-remark-test\.mdx:7: controlPlane\.distro\.k8s\.enabled: must be boolean, got string "yes"/u);
  });

  test('an unknown property is named with its line', async () => {
    const message = await failureOf(processMdx(example('controlPlane:\n  backingStore:\n    etcd:\n      embeded:\n        enabled: true\n'), docsFile('zz-remark-test.mdx')));
    assert.match(message, /docs\/zz-remark-test\.mdx:7: controlPlane\.backingStore\.etcd\.embeded: must NOT have additional property 'embeded'/u);
  });

  test('an unknown top-level key is caught', async () => {
    const message = await failureOf(processMdx(example('controlplane:\n  distro: {}\n'), docsFile('zz-remark-test.mdx')));
    assert.match(message, /docs\/zz-remark-test\.mdx:4: controlplane: must NOT have additional property 'controlplane'/u);
  });
});

describe('config paths against the real field index', () => {
  test('every field of the index resolves to itself', () => {
    const resolver = new PathResolver(index.fields);
    const wrong = index.fields.filter((record) => {
      const resolution = resolver.resolve(record.path);
      return !resolution.found || resolution.record !== record;
    });
    assert.deepEqual(
      wrong.map((record) => record.path),
      [],
    );
  });

  test("a known path links to a page of this version that renders the field's section", async () => {
    const [link] = linksOf(await processMdx('Set `controlPlane.distro.k8s.enabled`.\n', docsFile('zz-remark-test.mdx')));
    assert.ok(link, 'controlPlane.distro.k8s.enabled is linked');
    const [target, anchor] = link.url.split('#');
    assert.equal(anchor, 'controlPlane-distro-k8s-enabled');
    assert.match(target, /^\.\/.+\.mdx$/u);
    const page = path.resolve(PROJECT_ROOT, 'docs', target);
    assert.ok(existsSync(page), `${page} exists`);
    assert.match(readFileSync(page, 'utf8'), /_partials\/config\/controlPlane\.mdx['"]/u, `${target} imports the controlPlane section partial`);
  });

  test('a path the page renders itself links to the anchor on the page', async () => {
    const text = "import ControlPlane from '../_partials/config/controlPlane.mdx';\n\nSee `controlPlane.backingStore.etcd.embedded.enabled`.\n\n<ControlPlane />\n";
    assert.deepEqual(linksOf(await processMdx(text, docsFile('control-plane/zz-remark-test.mdx'))), [
      {url: '#controlPlane-backingStore-etcd-embedded-enabled', text: 'controlPlane.backingStore.etcd.embedded.enabled'},
    ]);
  });

  test('an unknown path fails with file:line and a suggestion', async () => {
    const message = await failureOf(processMdx('Text.\n\nSet `controlPlane.backingStore.etcd.embeded.enabled`.\n', docsFile('zz-remark-test.mdx')));
    assert.match(message, new RegExp(`docs/zz-remark-test\\.mdx:3: \`controlPlane\\.backingStore\\.etcd\\.embeded\\.enabled\` is not a vcluster\\.yaml field of vCluster ${current.replace(/\./g, '\\.')}`, 'u'));
    assert.match(message, /did you mean `controlPlane\.backingStore\.etcd\.embedded`\?/u);
  });

  test('API groups and file names that start like a section are not config paths', async () => {
    const tree = await processMdx('`rbac.authorization.k8s.io`, `networking.k8s.io`, `policies.kyverno.io`, `plugin.yaml`\n', docsFile('zz-remark-test.mdx'));
    assert.deepEqual(linksOf(tree), []);
  });
});
