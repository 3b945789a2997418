/**
 * linkConfigPaths on a fixture site with two docs versions: config paths in
 * inline code link to the field on this page or on its canonical page of the
 * same version; unknown paths fail with file:line and a suggestion.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {checkConfigPaths} from '../../src/remark/linkConfigPaths';
import {FIXTURE_OLD, createFixtureSite, failureOf, linksOf, parseMdx, plainInlineCode, processMdx, type FixtureSite} from '../support/remarkSite';

let site: FixtureSite;

before(async () => {
  site = await createFixtureSite();
});

after(() => site?.remove());

async function linksIn(text: string, relative: string): Promise<Array<{url: string; text: string}>> {
  return linksOf(await processMdx(text, site.file(relative)));
}

describe('linkConfigPaths', () => {
  test("a known path links to its section's page, relative to the file", async () => {
    assert.deepEqual(await linksIn('Set `controlPlane.distro.k8s.enabled` first.\n', 'docs/guide.mdx'), [
      {url: './control-plane/index.mdx#controlPlane-distro-k8s-enabled', text: 'controlPlane.distro.k8s.enabled'},
    ]);
    assert.deepEqual(await linksIn('Set `controlPlane.distro.k8s.enabled` first.\n', 'docs/deep/er/guide.mdx'), [
      {url: '../../control-plane/index.mdx#controlPlane-distro-k8s-enabled', text: 'controlPlane.distro.k8s.enabled'},
    ]);
  });

  test('the section page is preferred over a page with a deeper partial', async () => {
    // docs/control-plane/proxy.mdx renders controlPlane/proxy.mdx, but the section page shows it too.
    assert.deepEqual(await linksIn('`controlPlane.proxy.port`\n', 'docs/guide.mdx'), [
      {url: './control-plane/index.mdx#controlPlane-proxy-port', text: 'controlPlane.proxy.port'},
    ]);
  });

  test('without a page for the section, the page of the deepest covering partial', async () => {
    // No page imports sync.mdx; docs/sync.mdx imports sync/toHost.mdx.
    assert.deepEqual(await linksIn('`sync.toHost.pods.enabled`\n', 'docs/control-plane/guide.mdx'), [
      {url: '../sync.mdx#sync-toHost-pods-enabled', text: 'sync.toHost.pods.enabled'},
    ]);
  });

  test('a path this page renders links to the anchor on this page', async () => {
    const text = "import Distro from './_partials/config/controlPlane/distro.mdx';\n\n`controlPlane.distro.k8s.enabled` and `controlPlane.proxy.port`.\n\n<Distro />\n";
    assert.deepEqual(await linksIn(text, 'docs/distro.mdx'), [
      {url: '#controlPlane-distro-k8s-enabled', text: 'controlPlane.distro.k8s.enabled'},
      {url: './control-plane/index.mdx#controlPlane-proxy-port', text: 'controlPlane.proxy.port'},
    ]);
    // The canonical page itself links to its own anchors.
    const own = "import ControlPlane from '../_partials/config/controlPlane.mdx';\n\nSee `controlPlane.proxy.extraSANs`.\n";
    assert.deepEqual(await linksIn(own, 'docs/control-plane/index.mdx'), [{url: '#controlPlane-proxy-extraSANs', text: 'controlPlane.proxy.extraSANs'}]);
  });

  test('list indexes, map keys and keys inside free-form maps resolve to their field', async () => {
    const text = '`controlPlane.distro.k8s.env[0].name`, `controlPlane.distro.k8s.env[].value`, `sync.toHost.customResources.certificates.enabled`, `controlPlane.statefulSet.labels.team`\n';
    assert.deepEqual(
      (await linksIn(text, 'docs/guide.mdx')).map((link) => link.url),
      [
        './control-plane/index.mdx#controlPlane-distro-k8s-env-items-name',
        './control-plane/index.mdx#controlPlane-distro-k8s-env-items-value',
        './sync.mdx#sync-toHost-customResources-key-enabled',
        './control-plane/index.mdx#controlPlane-statefulSet-labels',
      ],
    );
  });

  test('an unknown path fails with file:line, the longest known prefix and close keys', async () => {
    const message = await failureOf(processMdx('# Guide\n\nFirst set\n`controlPlane.distro.k8s.enable`.\n', site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:4: `controlPlane\.distro\.k8s\.enable` is not a vcluster\.yaml field of vCluster 1\.1\.0/u);
    assert.match(message, /did you mean `controlPlane\.distro\.k8s\.enabled`\?/u);
    assert.match(message, /longest known prefix: `controlPlane\.distro\.k8s`/u);
  });

  test('all unknown paths of a file are reported at once, with the keys a prefix has', async () => {
    const message = await failureOf(processMdx('`sync.fromHost.nodes`\n\n`rbac.role.enabled.deeper`\n', site.file('docs/guide.mdx')));
    assert.match(message, /^2 unknown vcluster\.yaml paths/u);
    assert.match(message, /docs\/guide\.mdx:1: `sync\.fromHost\.nodes` .*longest known prefix: `sync` \(it has `sync\.toHost`\)/u);
    assert.match(message, /docs\/guide\.mdx:3: `rbac\.role\.enabled\.deeper` .*longest known prefix: `rbac\.role\.enabled`/u);
  });

  test('a known path no page renders stays plain code', async () => {
    // rbac.mdx is imported only by a page under _drafts/ and in a code block.
    const tree = await processMdx('`rbac.role.enabled`\n', site.file('docs/guide.mdx'));
    assert.deepEqual(linksOf(tree), []);
    assert.deepEqual(plainInlineCode(tree), ['rbac.role.enabled']);
    const result = checkConfigPaths(parseMdx('`rbac.role.enabled`\n'), {path: site.file('docs/guide.mdx')});
    assert.deepEqual(result.unlinked, [{file: 'docs/guide.mdx', line: 1, path: 'rbac.role.enabled', url: undefined}]);
  });

  test('inline code in links and headings is left alone, even when unknown', async () => {
    const text = '## `controlPlane.distro.k8s.nope`\n\n[`controlPlane.distro.k8s.enabled`](https://example.com) and [`controlPlane.bad.path`](./x.mdx)\n';
    const tree = await processMdx(text, site.file('docs/guide.mdx'));
    assert.deepEqual(linksOf(tree), [
      {url: 'https://example.com', text: 'controlPlane.distro.k8s.enabled'},
      {url: './x.mdx', text: 'controlPlane.bad.path'},
    ]);
  });

  test('code that is no config path is left alone', async () => {
    const text = '`rbac.authorization.k8s.io`, `sync.yaml`, `sync.toHost.customResources.certs.io`, `values.yaml`, `foo.bar`, `controlPlane`, `kubectl get pods`, `Sync.toHost`\n';
    const tree = await processMdx(text, site.file('docs/guide.mdx'));
    assert.deepEqual(linksOf(tree), []);
  });

  test("paths are checked and linked within the file's own docs version", async () => {
    const old = `versioned_docs/version-${FIXTURE_OLD}/guide.mdx`;
    assert.deepEqual(await linksIn('`controlPlane.distro.k8s.version`\n', old), [
      {url: './control-plane/index.mdx#controlPlane-distro-k8s-version', text: 'controlPlane.distro.k8s.version'},
    ]);
    const current = await failureOf(processMdx('`controlPlane.distro.k8s.version`\n', site.file('docs/guide.mdx')));
    assert.match(current, /docs\/guide\.mdx:1: `controlPlane\.distro\.k8s\.version` is not a vcluster\.yaml field of vCluster 1\.1\.0/u);
    const older = await failureOf(processMdx('`controlPlane.proxy.port`\n', site.file(old)));
    assert.match(older, /version-1\.0\.0\/guide\.mdx:1: `controlPlane\.proxy\.port` is not a vcluster\.yaml field of vCluster 1\.0\.0/u);
  });

  test('the generated partials are not processed', async () => {
    await processMdx('`controlPlane.not.a.field`\n', site.file('docs/_partials/config/controlPlane.mdx'));
  });

  test('the page map follows pages being added and changed', async () => {
    site.write('docs/zz-rbac.mdx', "import Rbac from './_partials/config/rbac.mdx';\n\n<Rbac />\n");
    try {
      assert.deepEqual(await linksIn('`rbac.role.enabled`\n', 'docs/guide.mdx'), [{url: './zz-rbac.mdx#rbac-role-enabled', text: 'rbac.role.enabled'}]);
    } finally {
      site.write('docs/zz-rbac.mdx', '# Nothing imported any more\n');
    }
    assert.deepEqual(await linksIn('`rbac.role.enabled`\n', 'docs/guide.mdx'), []);
  });
});
