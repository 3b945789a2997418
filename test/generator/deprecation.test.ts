/**
 * Deprecation as the chart writes it: every field whose description speaks
 * of deprecation, found by a walk of the newest release's schema written
 * here (independent of the generator), is deprecated in the field index,
 * with the replacement its text names and "rejected" where the text says
 * so. The list is printed. Fixture descriptions cover each wording.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {deprecationIn, pathsByLowercase, resolveNamedField} from '../../src/generator/model/deprecation';
import {chartDir, readSchema, referenceFor} from '../support/chart';
import {appendItem, appendKey, appendMap} from '../support/pathLabel';
import {RELEASES, SAMPLE_RELEASES} from '../support/versions';

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every property path of a schema with the descriptions on it (its own, and its `$ref` target's). */
function describedPaths(root: Schema): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const target = (ref: string): unknown => ref.slice(2).split('/').reduce<unknown>((node, key) => (isSchema(node) ? node[key] : undefined), root);
  const descriptions = (node: unknown, seen: Set<unknown> = new Set()): string[] => {
    if (!isSchema(node) || seen.has(node)) return [];
    seen.add(node);
    return [
      ...(typeof node.description === 'string' ? [node.description] : []),
      ...(typeof node.$ref === 'string' ? descriptions(target(node.$ref), seen) : []),
    ];
  };
  const walk = (node: unknown, path: string, inside: ReadonlySet<string>): void => {
    if (!isSchema(node)) return;
    if (typeof node.$ref === 'string') {
      if (inside.has(node.$ref)) return;
      walk(target(node.$ref), path, new Set([...inside, node.$ref]));
    }
    if (isSchema(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        const childPath = appendKey(path, key);
        found.set(childPath, [...(found.get(childPath) ?? []), ...descriptions(child)]);
        walk(child, childPath, inside);
      }
    }
    if (isSchema(node.items)) walk(node.items, appendItem(path), inside);
    if (isSchema(node.additionalProperties)) walk(node.additionalProperties, appendMap(path), inside);
    if (isSchema(node.patternProperties)) for (const child of Object.values(node.patternProperties)) walk(child, appendMap(path), inside);
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[keyword])) for (const branch of node[keyword] as unknown[]) walk(branch, path, inside);
  };
  walk(root, '', new Set());
  return found;
}

/** The test's own reading: deprecation wording, the name after "use", "rejected". */
const SPEAKS_OF_DEPRECATION = /deprecat|do not use (this|that) (option|field)/iu;
const namedReplacement = (text: string): string | undefined => /\buse\s+["'`]?([\w.]+?)["'`]?\s+(?:instead|to\b[^.]*instead)/iu.exec(text)?.[1];

describe('deprecation in the descriptions', () => {
  for (const version of [...new Set([RELEASES[0], ...SAMPLE_RELEASES])]) {
    test(`${version}: every field whose description speaks of deprecation is deprecated, with the replacement and rejection its text names`, async () => {
      const {index} = await referenceFor(chartDir(version), version);
      const byPath = new Map(index.fields.map((record) => [record.path, record]));
      const lowercase = new Map(index.fields.map((record) => [record.path.toLowerCase(), record.path]));
      const problems: string[] = [];
      const listed: string[] = [];
      for (const [path, texts] of describedPaths(readSchema(chartDir(version)))) {
        const text = texts.find((candidate) => SPEAKS_OF_DEPRECATION.test(candidate));
        if (!text) continue;
        const record = byPath.get(path);
        if (!record) {
          problems.push(`${path}: not in the field index`);
          continue;
        }
        if (!record.deprecated) problems.push(`${path}: not marked deprecated (${JSON.stringify(text)})`);
        const named = namedReplacement(text);
        // The name as a path of the release, or below an ancestor of the field, compared without case.
        const parts = path.split('.');
        const expected = named && [named, ...parts.map((_, i) => `${parts.slice(0, parts.length - 1 - i).join('.')}.${named}`)].map((candidate) => lowercase.get(candidate.replace(/^\./u, '').toLowerCase())).find((candidate) => candidate && candidate !== path);
        if (record.replacement !== expected) problems.push(`${path}: replacement ${record.replacement} where the text names ${named} (${expected})`);
        if (Boolean(record.rejected) !== /\brejected\b/iu.test(text)) problems.push(`${path}: rejected is ${record.rejected}`);
        listed.push(`${path}${record.replacement ? ` → ${record.replacement}` : ''}${record.rejected ? ' (rejected)' : ''}`);
      }
      assert.deepEqual(problems, []);
      if (version === RELEASES[0]) assert.ok(listed.length >= 12, `${version}: ${listed.length} deprecated fields`);
      console.log(`${version}: ${listed.length} deprecated by their description: ${listed.join('; ')}`);
    });
  }
});

describe('the wordings', () => {
  const cases: Array<[string, {deprecated: boolean; rejected: boolean; named?: string}]> = [
    ['[Deprecated] K3S holds K3s relevant configuration.', {deprecated: true, rejected: false}],
    ['The secret.\nDeprecated: Use AdditionalSecrets instead.', {deprecated: true, rejected: false, named: 'AdditionalSecrets'}],
    ['[Deprecated] Version field is deprecated.\nUse controlPlane.distro.k8s.image.tag to specify the Kubernetes version instead.', {deprecated: true, rejected: false, named: 'controlPlane.distro.k8s.image.tag'}],
    ['ReuseNamespace allows reusing.\nThis flag is deprecated, as this scenario will be removed.', {deprecated: true, rejected: false}],
    ['Snapshots.\nDeprecated: Removed in 0.36.0. Setting this value is rejected by the Helm chart; remove it from your config.', {deprecated: true, rejected: true}],
    ['Plugin specifies which plugins to enable. Use "plugins" instead. Do not use this option anymore.', {deprecated: true, rejected: false, named: 'plugins'}],
    ['Deprecated since forever.', {deprecated: true, rejected: false}],
    ['Use the deprecated API only when needed.', {deprecated: false, rejected: false}],
    ['Requests are rejected when the quota is full.', {deprecated: false, rejected: false}],
  ];
  for (const [text, expected] of cases) {
    test(JSON.stringify(text.slice(0, 60)), () => assert.deepEqual(deprecationIn(text), expected));
  }

  test('a name resolves to a field of the release, full path or below an ancestor, without case; else none', () => {
    const paths = pathsByLowercase(['exportKubeConfig.secret', 'exportKubeConfig.additionalSecrets', 'controlPlane.distro.k8s.scheduler', 'controlPlane.advanced.virtualScheduler', 'plugin', 'plugins']);
    assert.equal(resolveNamedField('AdditionalSecrets', 'exportKubeConfig.secret', paths), 'exportKubeConfig.additionalSecrets');
    assert.equal(resolveNamedField('ControlPlane.Distro.K8S.Scheduler', 'controlPlane.advanced.virtualScheduler', paths), 'controlPlane.distro.k8s.scheduler');
    assert.equal(resolveNamedField('plugins', 'plugin', paths), 'plugins');
    assert.equal(resolveNamedField('nothing', 'plugin', paths), undefined);
    assert.equal(resolveNamedField('plugin', 'plugin', paths), undefined, 'never itself');
  });
});
