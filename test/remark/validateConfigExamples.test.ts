/**
 * validateConfigExamples on a fixture site with two docs versions: valid
 * examples pass; invalid ones fail naming file:line, the config path and what
 * the schema expects; opt-outs need a reason and are listed. On the real
 * releases, an example that breaks a cross-field rule fails too.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {checkConfigExamples, listOptOuts, skipReason, validateExample} from '../../src/remark/validateConfigExamples';
import {FIXTURE_OLD, createFixtureSite, ensureRealReference, failureOf, parseMdx, processMdx, realPartialsDirs, type FixtureSite} from '../support/remarkSite';
import {appliesTo, ruleById} from '../../src/checker/rules';
import {DOCUMENTED, SAMPLE_DOCUMENTED} from '../support/versions';

let site: FixtureSite;

before(async () => {
  site = await createFixtureSite();
});

after(() => site?.remove());

/** A page whose only content is one vcluster.yaml example; the YAML starts on file line 5. */
function page(yaml: string, meta = 'title="vcluster.yaml"'): string {
  return `# Guide\n\nSome text.\n\`\`\`yaml ${meta}\n${yaml}\`\`\`\n`;
}

describe('validateConfigExamples', () => {
  test('a valid example passes, Pro fields included', async () => {
    const text = page('controlPlane:\n  distro:\n    k8s:\n      enabled: true\n      env:\n        - name: A\n          value: b\n  hostPathMapper:\n    enabled: true\n');
    await processMdx(text, site.file('docs/guide.mdx'));
    const result = checkConfigExamples(parseMdx(text), {path: site.file('docs/guide.mdx')});
    assert.deepEqual(result, {validated: 1, optOuts: [], problems: []});
  });

  test('an empty example is the empty config and passes', async () => {
    await processMdx(page('# nothing set\n'), site.file('docs/guide.mdx'));
  });

  test('a wrong type fails with file:line, JSON path and expectation', async () => {
    // Fence on line 4, YAML from line 5: `enabled` is on YAML line 4 → file line 8.
    const message = await failureOf(processMdx(page('controlPlane:\n  distro:\n    k8s:\n      enabled: "yes"\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:8: controlPlane\.distro\.k8s\.enabled: must be boolean, got string "yes"/u);
  });

  test('an unknown property fails at the line of its key', async () => {
    const message = await failureOf(processMdx(page('controlPlane:\n  distro:\n    k8s:\n      enabled: true\n      foo: 1\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:9: controlPlane\.distro\.k8s\.foo: must NOT have additional property 'foo'/u);
  });

  test('a wrong type inside a list item names the item', async () => {
    const message = await failureOf(processMdx(page('controlPlane:\n  distro:\n    k8s:\n      env:\n        - name: A\n        - name: 3\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:10: controlPlane\.distro\.k8s\.env\[1\]\.name: must be string, got number 3/u);
  });

  test('a wrong type for a map value names the map key', async () => {
    const message = await failureOf(processMdx(page('controlPlane:\n  statefulSet:\n    labels:\n      team: 1\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:8: controlPlane\.statefulSet\.labels\.team: must be string/u);
  });

  test('a wrong type of a whole section points at its key', async () => {
    const message = await failureOf(processMdx(page('sync:\n  toHost: []\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:6: sync\.toHost: must be object, got a list/u);
  });

  test('every problem of a file is reported at once', async () => {
    const text = `${page('controlPlane:\n  proxy:\n    port: "x"\n')}\n${page('rbac:\n  role:\n    enable: true\n').replace('# Guide\n\nSome text.\n', '')}`;
    const message = await failureOf(processMdx(text, site.file('docs/guide.mdx')));
    assert.match(message, /^2 invalid vcluster\.yaml examples/u);
    assert.match(message, /docs\/guide\.mdx:7: controlPlane\.proxy\.port: must be integer/u);
    assert.match(message, /docs\/guide\.mdx:\d+: rbac\.role\.enable: must NOT have additional property 'enable'/u);
  });

  test('a YAML syntax error fails with file:line', async () => {
    const message = await failureOf(processMdx(page('controlPlane:\n  distro: [unclosed\n  proxy: {}\n'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:\d+: invalid YAML: /u);
    const duplicate = await failureOf(processMdx(page('rbac:\n  role: {}\n  role: {}\n'), site.file('docs/guide.mdx')));
    assert.match(duplicate, /docs\/guide\.mdx:7: invalid YAML: Map keys must be unique/u);
  });

  test('an example indented in a list item keeps its line numbers', async () => {
    const text = '# Steps\n\n1. Configure:\n\n   ```yaml title="vcluster.yaml"\n   controlPlane:\n     proxy:\n       port: true\n   ```\n';
    const message = await failureOf(processMdx(text, site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:8: controlPlane\.proxy\.port: must be integer/u);
  });

  test('other code blocks are not examples', async () => {
    const text = '```yaml\nnot: [valid\n```\n\n```yaml title="values.yaml"\nfoo: 1\n```\n\n```json title="vcluster.yaml"\n{"foo": 1}\n```\n';
    await processMdx(text, site.file('docs/guide.mdx'));
    assert.equal(checkConfigExamples(parseMdx(text), {path: site.file('docs/guide.mdx')}).validated, 0);
  });

  test("a page is validated against its own version's schema", async () => {
    const old = page('controlPlane:\n  distro:\n    k8s:\n      version: v1.29.0\n');
    await processMdx(old, site.file(`versioned_docs/version-${FIXTURE_OLD}/guide.mdx`));
    const message = await failureOf(processMdx(old, site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:8: controlPlane\.distro\.k8s\.version: must NOT have additional property 'version'/u);
    const current = page('controlPlane:\n  proxy:\n    port: 443\n');
    const oldMessage = await failureOf(processMdx(current, site.file(`versioned_docs/version-${FIXTURE_OLD}/guide.mdx`)));
    assert.match(oldMessage, new RegExp(`versioned_docs/version-${FIXTURE_OLD.replace(/\./g, '\\.')}/guide\\.mdx:7: controlPlane\\.proxy\\.port: must NOT have additional property 'port'`, 'u'));
  });

  test('an opt-out with a reason is skipped and listed', async () => {
    const text = page('controlPlane:\n  distro: nonsense\n', 'title="vcluster.yaml" skip-validation="shows a mistake on purpose"');
    await processMdx(text, site.file('docs/guide.mdx'));
    const result = checkConfigExamples(parseMdx(text), {path: site.file('docs/guide.mdx')});
    assert.deepEqual(result, {validated: 0, optOuts: [{file: 'docs/guide.mdx', line: 4, kind: 'skip-validation', reason: 'shows a mistake on purpose'}], problems: []});

    const file = site.write('docs/opt-out.mdx', `${text}\n${page('rbac: {}\n').replace('# Guide\n\nSome text.\n', '')}`);
    assert.deepEqual(listOptOuts([file, site.file('docs/sync.mdx')]), [{file: 'docs/opt-out.mdx', line: 4, kind: 'skip-validation', reason: 'shows a mistake on purpose'}]);
  });

  test('an opt-out without a reason fails', async () => {
    for (const meta of ['title="vcluster.yaml" skip-validation=""', 'title="vcluster.yaml" skip-validation="  "', 'skip-validation title="vcluster.yaml"']) {
      const message = await failureOf(processMdx(page('rbac: {}\n', meta), site.file('docs/guide.mdx')));
      assert.match(message, /docs\/guide\.mdx:4: skip-validation needs a reason/u, meta);
    }
  });

  test('a missing schema names the file and how to generate it', async () => {
    const message = await failureOf(processMdx(page('rbac: {}\n'), site.file('versioned_docs/version-0.0.1/guide.mdx')));
    assert.match(message, /version-0\.0\.1\/_partials\/config\/values\.schema\.json does not exist.*gen-partials/u);
  });

  test('the siteDir option replaces the search for chart-versions.json', async () => {
    const message = await failureOf(processMdx(page('rbac: 1\n'), '/nowhere/docs/x.mdx', {siteDir: site.dir}));
    assert.match(message, /\/nowhere\/docs\/x\.mdx:5: rbac: must be object/u);
  });
});

describe('helpers of validateConfigExamples', () => {
  test('skipReason reads quoted and bare reasons', () => {
    assert.equal(skipReason('title="vcluster.yaml"'), undefined);
    assert.deepEqual(skipReason('title="vcluster.yaml" skip-validation="partial config"'), {reason: 'partial config'});
    assert.deepEqual(skipReason("skip-validation='x y'"), {reason: 'x y'});
    assert.deepEqual(skipReason('skip-validation=fragment'), {reason: 'fragment'});
    assert.deepEqual(skipReason('skip-validation'), {reason: ''});
  });
});

describe('validateConfigExamples: the cross-field rules', () => {
  test('an example vCluster or its chart would refuse fails with file:line, the rule and its evidence, on the releases that enforce the rule; one that satisfies it passes', () => {
    ensureRealReference();
    const examples = [
      // YAML from file line 10: `replicas` is on YAML line 4, file line 13.
      {rule: 'embedded-database-one-replica', breaks: 'controlPlane:\n  statefulSet:\n    highAvailability:\n      replicas: 3\n', line: 13, satisfies: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n  statefulSet:\n    highAvailability:\n      replicas: 3\n'},
      {rule: 'one-distro', breaks: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n    k8s:\n      enabled: true\n', line: 15, satisfies: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n'},
    ];
    let enforced = 0;
    for (const version of SAMPLE_DOCUMENTED) {
      const context = {partialsDir: realPartialsDirs()[DOCUMENTED.indexOf(version)], version, displayPath: 'docs/ha.mdx'};
      for (const example of examples) {
        const rule = ruleById.get(example.rule)!;
        const problems = validateExample(example.breaks, context, 10).filter((problem) => problem.includes(`(rule ${rule.id}:`));
        if (!appliesTo(rule, version)) {
          // A release outside the rule's range may lack its keys (no k3s after 0.33): the example breaking it only must not name the rule.
          assert.deepEqual(problems, [], `${version} does not enforce ${rule.id}`);
          continue;
        }
        assert.deepEqual(validateExample(example.satisfies, context, 10), [], `${version}: ${rule.id} satisfied`);
        enforced++;
        assert.equal(problems.length, 1, `${version}: ${rule.id}: ${problems.join('\n')}`);
        assert.ok(problems[0].startsWith(`docs/ha.mdx:${example.line}: `), problems[0]);
        assert.ok(problems[0].endsWith(`(rule ${rule.id}: ${rule.evidence})`), problems[0]);
      }
    }
    assert.ok(enforced > 0, 'a sampled release enforces one of the rules');
  });
});
