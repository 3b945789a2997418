/**
 * The navbar search without a browser: the ranking (src/theme/SearchBar/rank.ts)
 * over indexes built from small HTML pages and field records the way the
 * configSearch plugin builds them (src/plugins/configSearch).
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lastKey, parentPath} from '../../src/reference/configPath';
import {bestPages, buildVersionIndex, firstSentence, type BuiltPage, type FieldIndexRecord} from '../../src/plugins/configSearch/buildIndex';
import {extractPage} from '../../src/plugins/configSearch/html';
import {stripBaseUrl, versionRoutes} from '../../src/plugins/configSearch/index';
import {REFERENCE_ATTRIBUTE} from '../../src/search/markup';
import {condensedWords, splitCamel} from '../../src/search/words';
import {parseQuery, prepareIndex, resultTarget, search, type PreparedIndex} from '../../src/theme/SearchBar/rank';

// Minified like the output of `docusaurus build`: unquoted attributes, no `</p>`.
const fieldHtml = (anchor: string, name: string, level = 3, object = false) =>
  object
    ? `<details class="cfg cfg--object"><summary><div class=cfg__head><h${level} id=${anchor} class=cfg__name><a href=#${anchor}>${name}</a></h${level}></div></summary><p>About ${name}.`
    : `<div class=cfg><div class=cfg__head><h${level} id=${anchor} class=cfg__name><a href=#${anchor}>${name}</a></h${level}><code class=cfg__type>boolean</code></div><p>About ${name}.</div>`;

const article = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title} | vcluster.yaml reference</title></head><body><nav class=navbar>Reference Control plane</nav>` +
  `<main><article><nav class=breadcrumbs>Home Control plane</nav><div class="theme-doc-markdown markdown"><header><h1>${title}</h1></header>${body}</div></article></main>` +
  `<footer>Footer words</footer></body></html>`;

const ETCD = 'controlPlane-backingStore-etcd-embedded-migrateFromDeployedEtcd';

const etcdPage = article(
  'etcd',
  `<p>etcd is the data store Kubernetes is built for.<p>Set <code>migrateFromDeployedEtcd</code> to move.` +
    `<h2 class="anchor anchorTargetStickyNavbar_x" id=embedded-etcd>Embedded etcd<a href=#embedded-etcd class=hash-link aria-label="Direct link">\u200b</a></h2>` +
    `<p>Runs inside the control-plane pods.<pre class=prism-code><code>controlPlane:\n  backingStore: {}</code></pre>` +
    `<h3 class=anchor id=migrating-from-deployed-etcd>Migrating from deployed etcd<a href=#migrating-from-deployed-etcd class=hash-link>\u200b</a></h3><p>Snapshot first &amp; restore.` +
    `<h2 class=anchor id=reference>Reference</h2>` +
    `<div class=cfg-section ${REFERENCE_ATTRIBUTE} id=controlPlane-backingStore-etcd><p class=cfg-section__path>In vcluster.yaml` +
    fieldHtml('controlPlane-backingStore-etcd-embedded', 'embedded', 2, true) +
    fieldHtml('controlPlane-backingStore-etcd-embedded-enabled', 'enabled') +
    fieldHtml(ETCD, 'migrateFromDeployedEtcd') +
    `</details></div>`,
);

const controlPlanePage = article(
  'Control plane',
  `<p>The control plane runs the API server.<h2 class=anchor id=kine>Kine</h2><p>Kine translates between the API server and SQL databases.` +
    `<h2 class=anchor id=reference>Reference</h2><div class=cfg-section ${REFERENCE_ATTRIBUTE} id=controlPlane>` +
    fieldHtml('controlPlane-backingStore', 'backingStore', 2, true) +
    fieldHtml('controlPlane-backingStore-etcd', 'etcd', 3, true) +
    fieldHtml('controlPlane-backingStore-etcd-embedded', 'embedded', 4, true) +
    fieldHtml('controlPlane-backingStore-etcd-embedded-enabled', 'enabled', 5) +
    fieldHtml(ETCD, 'migrateFromDeployedEtcd', 5) +
    `</details></details></details>` +
    fieldHtml('controlPlane-distro', 'distro', 2, true) +
    fieldHtml('controlPlane-distro-k8s', 'k8s', 3, true) +
    fieldHtml('controlPlane-distro-k8s-enabled', 'enabled', 4) +
    fieldHtml('controlPlane-distro-k8s-env', 'env', 4, true) +
    fieldHtml('controlPlane-distro-k8s-env-items-name', 'name', 5) +
    fieldHtml('controlPlane-distro-k8s-oldFlag', 'oldFlag', 4) +
    fieldHtml('controlPlane-distro-k8s-enabledFeatures', 'enabledFeatures', 4) +
    `</details></details></details></div>`,
);

const syncPage = article(
  'Sync',
  `<p>Which resources move between the virtual and the host cluster.<h2 class=anchor id=custom-resources>Custom resources</h2><p>Sync any CRD.` +
    `<div class=cfg-section ${REFERENCE_ATTRIBUTE} id=sync>` +
    fieldHtml('sync-toHost-customResources-key-enabled', 'enabled', 2) +
    fieldHtml('sync-labels-~22app.kubernetes.io~2fname~22', 'app.kubernetes.io/name', 2) +
    `</div>`,
);

const record = (path: string, anchor: string, extra: Partial<FieldIndexRecord> = {}): FieldIndexRecord => ({
  path,
  anchor,
  type: 'boolean',
  description: `${lastKey(path)} does something. And more.`,
  parent: parentPath(path),
  ...extra,
});

const fields: FieldIndexRecord[] = [
  record('controlPlane', 'controlPlane', {type: 'object', description: 'Control plane options.'}),
  record('controlPlane.backingStore', 'controlPlane-backingStore', {type: 'object'}),
  record('controlPlane.backingStore.etcd', 'controlPlane-backingStore-etcd', {type: 'object'}),
  record('controlPlane.backingStore.etcd.embedded', 'controlPlane-backingStore-etcd-embedded', {type: 'object', pro: true}),
  record('controlPlane.backingStore.etcd.embedded.enabled', 'controlPlane-backingStore-etcd-embedded-enabled', {pro: true}),
  record('controlPlane.backingStore.etcd.embedded.migrateFromDeployedEtcd', ETCD, {
    description: 'MigrateFromDeployedEtcd signals that vCluster should migrate from the deployed external etcd to embedded etcd.',
  }),
  record('controlPlane.distro', 'controlPlane-distro', {type: 'object'}),
  record('controlPlane.distro.k8s', 'controlPlane-distro-k8s', {type: 'object'}),
  record('controlPlane.distro.k8s.enabled', 'controlPlane-distro-k8s-enabled'),
  record('controlPlane.distro.k8s.env', 'controlPlane-distro-k8s-env', {type: 'object[]'}),
  record('controlPlane.distro.k8s.env[].name', 'controlPlane-distro-k8s-env-items-name', {type: 'string'}),
  record('controlPlane.distro.k8s.oldFlag', 'controlPlane-distro-k8s-oldFlag', {deprecated: true}),
  record('controlPlane.distro.k8s.enabledFeatures', 'controlPlane-distro-k8s-enabledFeatures', {type: 'string[]'}),
  record('sync.toHost.customResources.*.enabled', 'sync-toHost-customResources-key-enabled'),
  record('sync.labels["app.kubernetes.io/name"]', 'sync-labels-~22app.kubernetes.io~2fname~22', {type: 'string'}),
  record('nowhere.shown', 'nowhere-shown'),
];

function pages(): BuiltPage[] {
  return [
    {route: '/docs/control-plane', ...extractPage(controlPlanePage)},
    {route: '/docs/control-plane/backing-store/etcd', ...extractPage(etcdPage)},
    {route: '/docs/sync', ...extractPage(syncPage)},
  ];
}

function index(): PreparedIndex {
  // Through JSON, as the browser gets it.
  return prepareIndex(JSON.parse(JSON.stringify(buildVersionIndex('current', pages(), fields).index)));
}

const targets = (query: string, limit?: number) => search(index(), query, {limit}).map(resultTarget);

describe('reading a built page', () => {
  test('title, h2/h3 sections with their text, and no code blocks, fields, navigation or footer', () => {
    const page = extractPage(etcdPage);
    assert.equal(page.title, 'etcd');
    assert.deepEqual(
      page.sections.map((section) => [section.id, section.heading]),
      [
        [undefined, undefined],
        ['embedded-etcd', 'Embedded etcd'],
        ['migrating-from-deployed-etcd', 'Migrating from deployed etcd'],
        ['reference', 'Reference'],
      ],
    );
    assert.equal(page.sections[0].text, 'etcd is the data store Kubernetes is built for. Set migrateFromDeployedEtcd to move.');
    assert.equal(page.sections[1].text, 'Runs inside the control-plane pods.');
    assert.equal(page.sections[2].text, 'Snapshot first & restore.');
    assert.equal(page.sections[3].text, '', 'rendered fields are not page text');
    const all = page.sections.map((section) => section.text).join(' ');
    for (const absent of ['Home', 'Footer', 'backingStore: {}', 'About']) assert.ok(!all.includes(absent), absent);
  });

  test('collects every id in the article, fields included', () => {
    const {ids} = extractPage(etcdPage);
    for (const id of ['embedded-etcd', 'controlPlane-backingStore-etcd', ETCD]) assert.ok(ids.has(id), id);
  });

  test('falls back to the document title without an h1', () => {
    assert.equal(extractPage('<html><title>Page &amp; more | site</title><main><p>Hello</main>').title, 'Page & more');
  });

  test('condenses a section to its distinct words, without stop words and words already known', () => {
    assert.equal(condensedWords('The embedded etcd runs in the pod; the Pod restarts. Embedded!', ['etcd']), 'embedded runs pod restarts');
  });
});

describe('building the index', () => {
  test('a field points at the page that shows it among the fewest fields', () => {
    const built = pages();
    const best = bestPages(built, new Set(fields.map((field) => field.anchor)));
    assert.equal(built[best.get(ETCD)!].route, '/docs/control-plane/backing-store/etcd');
    assert.equal(built[best.get('controlPlane-distro-k8s-enabled')!].route, '/docs/control-plane');
    assert.equal(built[best.get('controlPlane-backingStore-etcd')!].route, '/docs/control-plane/backing-store/etcd');
  });

  test('leaves out fields no page shows, stores paths by parent and anchors only when not derivable', () => {
    const {index: wire, unplaced} = buildVersionIndex('current', pages(), fields);
    assert.deepEqual(unplaced, ['nowhere.shown']);
    assert.deepEqual(wire.fields[4].slice(0, 2), ['.enabled', 3]);
    const quoted = wire.fields.find((field) => field[0].includes('app.kubernetes.io'))!;
    assert.equal(quoted[6], 'sync-labels-~22app.kubernetes.io~2fname~22');
    assert.equal(wire.fields.filter((field) => field[6] !== undefined).length, 1);
    const prepared = prepareIndex(wire);
    assert.deepEqual(
      prepared.fields.map((field) => [field.path, field.anchor]),
      fields.filter((field) => field.path !== 'nowhere.shown').map((field) => [field.path, field.anchor]),
    );
  });

  test('keeps the first sentence of a description as plain text', () => {
    assert.equal(firstSentence('Enabled defines if `etcd` is used, e.g. for tests. Second sentence.'), 'Enabled defines if etcd is used, e.g. for tests.');
    assert.equal(firstSentence('See [the docs](https://example.com) for **more**\n\nNext paragraph.'), 'See the docs for more');
    assert.equal(firstSentence(undefined), '');
    const long = firstSentence(`${'word '.repeat(60)}end.`);
    assert.ok(long.length <= 141 && long.endsWith('…'), long);
  });

  test("takes each version's routes, not a nested version's nor the baseUrl", () => {
    const version = (versionName: string, path: string) => ({versionName, path, tagsPath: `${path}/tags`, contentPath: '', docs: []});
    const current = version('current', '/pr-1/docs');
    const old = version('1.1.0', '/pr-1/docs/1.1.0');
    const routes = ['/pr-1/', '/pr-1/docs', '/pr-1/docs/sync', '/pr-1/docs/tags/x', '/pr-1/docs/1.1.0', '/pr-1/docs/1.1.0/sync', '/pr-1/docsearch'];
    assert.deepEqual(versionRoutes(current, [current, old], routes), ['/pr-1/docs', '/pr-1/docs/sync']);
    assert.deepEqual(versionRoutes(old, [current, old], routes), ['/pr-1/docs/1.1.0', '/pr-1/docs/1.1.0/sync']);
    assert.equal(stripBaseUrl('/pr-1/docs/sync', '/pr-1/'), '/docs/sync');
    assert.equal(stripBaseUrl('/docs/sync', '/'), '/docs/sync');
  });
});

describe('query helpers', () => {
  test('splits camelCase names into words', () => {
    assert.deepEqual(splitCamel('migrateFromDeployedEtcd'), ['migrate', 'from', 'deployed', 'etcd']);
    assert.deepEqual(splitCamel('serviceCIDR'), ['service', 'cidr']);
    assert.deepEqual(splitCamel('enableHTTPProxy'), ['enable', 'http', 'proxy']);
  });

  test('reads anchors as paths too', () => {
    assert.deepEqual(parseQuery('controlPlane-distro-k8s-env-items-name').paths, ['controlplane-distro-k8s-env-items-name', 'controlplane.distro.k8s.env.name']);
    assert.equal(parseQuery('embedded etcd').pathLike, false);
  });
});

describe('ranking', () => {
  test('an empty or punctuation-only query finds nothing', () => {
    assert.deepEqual(targets(''), []);
    assert.deepEqual(targets('  .. '), []);
  });

  test('a field name finds the field on its most focused page first', () => {
    assert.equal(targets('migrateFromDeployedEtcd')[0], `/docs/control-plane/backing-store/etcd#${ETCD}`);
    assert.equal(targets('MIGRATEFROMDEPLOYEDETCD')[0], `/docs/control-plane/backing-store/etcd#${ETCD}`, 'in any case');
    assert.equal(targets('migrateFrom')[0], `/docs/control-plane/backing-store/etcd#${ETCD}`, 'by a prefix of the name');
    assert.ok(targets('deployed').includes(`/docs/control-plane/backing-store/etcd#${ETCD}`), 'by a word of the name');
  });

  test('a dotted path finds the field first, then the fields below it', () => {
    assert.deepEqual(targets('controlPlane.distro.k8s.enabled', 1), ['/docs/control-plane#controlPlane-distro-k8s-enabled']);
    const below = targets('controlPlane.distro.k8s');
    assert.equal(below[0], '/docs/control-plane#controlPlane-distro-k8s');
    assert.ok(below.slice(1, 4).every((target) => target.startsWith('/docs/control-plane#controlPlane-distro-k8s-')), below.join(' '));
    assert.equal(targets('controlPlane.distro.k8s.ena')[0], '/docs/control-plane#controlPlane-distro-k8s-enabled', 'a partial key: the shortest completion');
    assert.equal(targets('k8s.enabled')[0], '/docs/control-plane#controlPlane-distro-k8s-enabled', 'the end of a path');
    assert.equal(targets('controlPlane-distro-k8s-enabled')[0], '/docs/control-plane#controlPlane-distro-k8s-enabled', 'the anchor');
  });

  test('words typed apart find the key or path they spell', () => {
    assert.equal(targets('k8s enabled')[0], '/docs/control-plane#controlPlane-distro-k8s-enabled');
    const [spelled] = search(index(), 'migrate from deployed etcd');
    assert.deepEqual([resultTarget(spelled), spelled.score > 800], [`/docs/control-plane/backing-store/etcd#${ETCD}`, true], 'stop words included');
    assert.equal(targets('fromdeployed')[0], `/docs/control-plane/backing-store/etcd#${ETCD}`, 'the end of a name, from a word on');
  });

  test('list items and map values match with or without [] and *', () => {
    for (const query of ['controlPlane.distro.k8s.env[].name', 'controlPlane.distro.k8s.env.name', 'controlPlane-distro-k8s-env-items-name']) {
      assert.equal(targets(query)[0], '/docs/control-plane#controlPlane-distro-k8s-env-items-name', query);
    }
    assert.equal(targets('sync.toHost.customResources.*.enabled')[0], '/docs/sync#sync-toHost-customResources-key-enabled');
    assert.equal(targets('sync.toHost.customResources.enabled')[0], '/docs/sync#sync-toHost-customResources-key-enabled');
    assert.equal(targets('sync.labels["app.kubernetes.io/name"]')[0], '/docs/sync#sync-labels-~22app.kubernetes.io~2fname~22');
  });

  test('stop words in a query do not stop a match', () => {
    assert.equal(targets('when to use embedded etcd')[0], '/docs/control-plane/backing-store/etcd#embedded-etcd');
    assert.ok(targets('the').length > 0, 'a query of stop words only still searches');
  });

  test('a narrative word finds the page, at the heading that names it', () => {
    assert.deepEqual(targets('Kine').slice(0, 1), ['/docs/control-plane#kine']);
    assert.deepEqual(targets('translates')[0], '/docs/control-plane#kine', 'a word of a section');
    assert.equal(targets('snapshot restore')[0], '/docs/control-plane/backing-store/etcd#migrating-from-deployed-etcd', 'all words of a section');
    assert.equal(targets('migrating deployed')[0], '/docs/control-plane/backing-store/etcd#migrating-from-deployed-etcd', 'the words of a heading');
  });

  test('a page titled like the query comes before the field of that name', () => {
    const results = search(index(), 'etcd');
    assert.deepEqual([results[0].kind, resultTarget(results[0])], ['page', '/docs/control-plane/backing-store/etcd']);
    assert.equal(resultTarget(results[1]), '/docs/control-plane/backing-store/etcd#controlPlane-backingStore-etcd');
  });

  test('shallower fields first, deprecated ones last among equals', () => {
    const enabled = targets('enabled', 20).filter((target) => target.includes('#controlPlane-'));
    assert.deepEqual(enabled.slice(0, 2), ['/docs/control-plane#controlPlane-distro-k8s-enabled', '/docs/control-plane/backing-store/etcd#controlPlane-backingStore-etcd-embedded-enabled']);
    const k8s = targets('controlPlane.distro.k8s.', 10).map((target) => target.replace('/docs/control-plane#controlPlane-distro-k8s-', ''));
    assert.deepEqual(k8s, ['enabled', 'enabledFeatures', 'env', 'env-items-name', 'oldFlag']);
  });

  test('field results carry what the list shows', () => {
    const [result] = search(index(), 'controlPlane.backingStore.etcd.embedded');
    assert.equal(result.kind, 'field');
    if (result.kind !== 'field') return;
    assert.deepEqual(
      {path: result.field.path, name: result.field.name, type: result.field.type, pro: result.field.pro, page: result.field.pageTitle},
      {path: 'controlPlane.backingStore.etcd.embedded', name: 'embedded', type: 'object', pro: true, page: 'etcd'},
    );
    assert.equal(result.field.description, 'embedded does something.');
  });

  test('field results carry their Pro condition, since, removed-in and replacement', () => {
    const marked: FieldIndexRecord[] = [
      ...fields,
      record('controlPlane.distro.k8s.newer', 'controlPlane-distro-k8s-newer', {since: '1.1.0', pro: true, proWhen: ['with the k8s distro']}),
      record('controlPlane.distro.k8s.gone', 'controlPlane-distro-k8s-gone', {removedIn: '1.2.0', deprecated: true, replacement: 'controlPlane.distro.k8s.newer', facts: [{kind: 'deprecated', replacement: 'controlPlane.distro.k8s.newer', evidence: 'x'}]}),
    ];
    const html = controlPlanePage.replace('</details></details></details></div>', `${fieldHtml('controlPlane-distro-k8s-newer', 'newer', 4)}${fieldHtml('controlPlane-distro-k8s-gone', 'gone', 4)}</details></details></details></div>`);
    const built = [{route: '/docs/control-plane', ...extractPage(html)}];
    const prepared = prepareIndex(JSON.parse(JSON.stringify(buildVersionIndex('current', built, marked).index)));
    const byPath = new Map(prepared.fields.map((field) => [field.path, field]));
    assert.deepEqual(byPath.get('controlPlane.distro.k8s.newer')!.marks, {proWhen: ['with the k8s distro'], since: '1.1.0'});
    assert.deepEqual(byPath.get('controlPlane.distro.k8s.gone')!.marks, {removedIn: '1.2.0', use: 'controlPlane.distro.k8s.newer'});
    assert.equal(byPath.get('controlPlane.distro.k8s.gone')!.anchor, 'controlPlane-distro-k8s-gone', 'an empty anchor slot means the derived one');
    assert.equal(byPath.get('controlPlane.distro.k8s.enabled')!.marks, undefined);
  });

  test('stays within the limit and never repeats a target', () => {
    const all = targets('e', 50);
    assert.equal(new Set(all).size, all.length);
    assert.equal(targets('e', 3).length, 3);
  });
});
