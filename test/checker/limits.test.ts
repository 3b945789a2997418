/**
 * Reading a text within limits (src/reference/validateConfig.ts
 * CONFIG_LIMITS): aliases that expand exponentially, too many aliases, deep
 * nesting, a text past the size limit: each is a finding that names the
 * limit and where it was met, found without expanding anything; the yaml
 * package's own alias guard agrees with the walk that places it. Keys set
 * twice, an empty file, and time that grows linearly with the text.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {parseDocument} from 'yaml';
import {checkConfig} from '../../src/checker/check';
import {summarize} from '../../src/checker/findings';
import type {CheckerRelease} from '../../src/checker/release';
import {CONFIG_LIMITS, parseConfig} from '../../src/reference/validateConfig';
import {realRelease} from '../support/checkerReleases';
import {billionLaughs, labelsFile} from '../support/checkerFixtures';
import {CURRENT} from '../support/versions';

let release: CheckerRelease;
before(async () => {
  release = await realRelease(CURRENT);
});

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

describe('reading limits', () => {
  test('billion laughs: a limit finding at the alias that takes the file past the yaml package\'s guard, in a few milliseconds', () => {
    const text = billionLaughs(10, 9);
    const started = performance.now();
    const {findings} = checkConfig(text, release);
    assert.ok(performance.now() - started < 1000, 'no expansion');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [finding] = findings;
    assert.equal(finding.kind, 'limit');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, new RegExp(`past the limit of ${CONFIG_LIMITS.maxAliasCount} alias expansions`, 'u'));
    assert.match(text.slice(finding.from, finding.to), /^\*a\d+$/u, 'placed on an alias');
    // The yaml package's own guard stops at the same alias: the walk mirrors it.
    assert.throws(() => parseDocument(text).toJS({maxAliasCount: CONFIG_LIMITS.maxAliasCount}), /Excessive alias count/u);
    const level = Number(/^\*a(\d+)$/u.exec(text.slice(finding.from, finding.to))![1]);
    const shorter = billionLaughs(level, 9);
    assert.doesNotThrow(() => parseDocument(shorter).toJS({maxAliasCount: CONFIG_LIMITS.maxAliasCount}), 'one level less is within the guard');
    assert.ok(!checkConfig(shorter, release).findings.some((found) => found.kind === 'limit'), 'and within the walk');
  });

  test('the walk and the yaml package agree on which files pass the alias guard', () => {
    for (let levels = 1; levels <= 5; levels++) {
      for (const width of [1, 2, 3, 5, 9, 12]) {
        const text = billionLaughs(levels, width);
        let libraryStops = false;
        try {
          parseDocument(text).toJS({maxAliasCount: CONFIG_LIMITS.maxAliasCount});
        } catch {
          libraryStops = true;
        }
        const walkStops = parseConfig(text).problems.some((problem) => problem.code === 'ALIAS_EXPANSION');
        assert.equal(walkStops, libraryStops, `${levels} levels of ${width}`);
      }
    }
  });

  test('more aliases than the limit: a finding at the first one past it', () => {
    const text = `base: &b {}\nlist:\n${Array.from({length: CONFIG_LIMITS.maxAliases + 5}, () => '  - *b').join('\n')}\n`;
    const [finding] = checkConfig(text, release).findings;
    assert.equal(finding.kind, 'limit');
    assert.match(finding.message, new RegExp(`more than ${CONFIG_LIMITS.maxAliases} aliases`, 'u'));
    assert.equal(lineOf(text, finding.from), 3 + CONFIG_LIMITS.maxAliases);
  });

  test('nesting past the depth limit, in flow and in block style: a finding where it goes past, whatever the depth', () => {
    for (const depth of [CONFIG_LIMITS.maxDepth + 1, 1000, 10_000]) {
      const flow = `${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const findings = checkConfig(flow, release).findings;
      assert.equal(findings.length, 1, `${depth} levels: ${JSON.stringify(findings)}`);
      assert.equal(findings[0].kind, 'limit');
      assert.match(findings[0].message, depth > 500 ? /nests too deep|nested more than/u : /nested more than 100 levels/u);
    }
    const block = `${Array.from({length: CONFIG_LIMITS.maxDepth + 2}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    const [finding] = checkConfig(block, release).findings;
    assert.equal(finding.kind, 'limit');
    assert.equal(lineOf(block, finding.from), CONFIG_LIMITS.maxDepth + 1, 'where it goes past');
    const within = `${Array.from({length: CONFIG_LIMITS.maxDepth}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    assert.ok(!checkConfig(within, release).findings.some((found) => found.kind === 'limit'));
  });

  test('a text past the size limit is not read: one finding saying the size and the limit', () => {
    const text = `# ${'x'.repeat(CONFIG_LIMITS.maxLength)}\n`;
    const findings = checkConfig(text, release).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'limit');
    assert.match(findings[0].message, /1,048,579 characters long; the limit is 1,048,576 \(1 MiB\)/u);
  });

  test('a key set twice in one map: an error at the second, found in linear time', () => {
    const findings = checkConfig('sync:\n  toHost:\n    pods:\n      enabled: true\n      enabled: false\n', release).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'invalid YAML');
    assert.equal(findings[0].line, 5);
    assert.match(findings[0].message, /set twice in the same map/u);
  });

  test('an empty file, or one of comments only, is not called valid', () => {
    for (const text of ['', '\n\n', '# nothing yet\n']) {
      const result = checkConfig(text, release);
      assert.deepEqual(result.findings, []);
      assert.equal(result.empty, true);
      assert.match(summarize(result, CURRENT), /^Nothing to check: the file sets no keys/u);
      assert.doesNotMatch(summarize(result, CURRENT), /valid/u);
    }
    const result = checkConfig('sync:\n  toHost:\n    pods:\n      enabled: false\n', release);
    assert.equal(result.empty, false);
    assert.match(summarize(result, CURRENT), new RegExp(`^No findings for ${CURRENT.replace(/\./gu, '\\.')}: the YAML, its 4 keys against the .* schema and field data, and \\d+ cross-field rules`, 'u'));
  });

  test('time grows linearly with the size of the file', () => {
    const labels = labelsFile;
    const median = (text: string): number => {
      const runs = [0, 1, 2].map(() => {
        const started = performance.now();
        checkConfig(text, release);
        return performance.now() - started;
      });
      return runs.sort((a, b) => a - b)[1];
    };
    median(labels(50_000));
    const [small, large] = [median(labels(125_000)), median(labels(1_000_000))];
    // Eight times the text: linear is about 8 times the time, quadratic 64.
    assert.ok(large < small * 20, `125 kB: ${small.toFixed(0)} ms, 1 MB: ${large.toFixed(0)} ms`);
    console.log(`check: 125 kB ${small.toFixed(0)} ms, 1 MB ${large.toFixed(0)} ms`);
  });
});
