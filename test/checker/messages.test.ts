/**
 * What findings say: code spans that survive any key (a backtick in a key
 * stays inside its span), "did you mean" below the nearest known key, and
 * default-based advice only for a file that fits the chosen release (else
 * the report names the releases it fits).
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import fc from 'fast-check';
import {Document} from 'yaml';
import {checkConfig} from '../../src/checker/check';
import {code, messageParts, plainMessage} from '../../src/checker/inlineCode';
import {checkReport} from '../../src/checker/report';
import {isLiteralPath, type CheckerRelease} from '../../src/checker/release';
import {parentPath, parsePath} from '../../src/reference/configPath';
import {realRelease} from '../support/checkerReleases';
import {CURRENT, LINE, OLDEST_DOCUMENTED} from '../support/versions';

let current: CheckerRelease;
before(async () => {
  current = await realRelease(CURRENT);
});

describe('code spans in messages', () => {
  test('any text round-trips through a code span, backticks and spaces included', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('`', ' ', 'a', '.', '"')}), fc.string({unit: fc.constantFrom('a', ' ', '.')}), (inside, before) => {
        const message = `${before}${code(inside)} is here.`;
        const parts = messageParts(message);
        const spans = parts.filter((part) => typeof part !== 'string');
        if (inside === '') return;
        assert.deepEqual(spans, [{code: inside}], JSON.stringify(message));
        assert.equal(plainMessage(message), `${before}${inside} is here.`);
      }),
      {numRuns: 500, seed: 24},
    );
  });

  test('an unknown key holding a backtick is one code span in its finding', () => {
    const [finding] = checkConfig('sync:\n  "to`Host": {}\n', current).findings;
    const spans = messageParts(finding.message).filter((part) => typeof part !== 'string');
    assert.deepEqual(spans[0], {code: 'to`Host'});
  });
});

describe('did you mean', () => {
  test('a key written a level too high is found below the nearest known key', () => {
    // A field three or more levels down whose name its grandparent has no child close to.
    const candidates = current.fields.filter((field) => {
      const segments = parsePath(field.path);
      if (segments.length < 4 || !isLiteralPath(field.path) || !field.route) return false;
      const parent = parentPath(field.path)!;
      const grandparent = parentPath(parent)!;
      const name = field.path.slice(field.path.lastIndexOf('.') + 1);
      return current.fields.every((other) => parentPath(other.path) !== grandparent || other.path.slice(other.path.lastIndexOf('.') + 1).toLowerCase() !== name.toLowerCase());
    });
    const field = candidates.find((candidate) => candidate.path.endsWith('.statefulSet')) ?? candidates[0];
    assert.ok(field, 'a field to misplace');
    const keys = parsePath(field.path).map((segment) => (segment.kind === 'property' ? segment.key : ''));
    const misplaced = [...keys.slice(0, -2), keys.at(-1)!];
    const doc = new Document({});
    doc.setIn(misplaced, {});
    const finding = checkConfig(doc.toString(), current).findings.find((found) => found.kind === 'unknown key');
    assert.ok(finding, doc.toString());
    assert.ok(finding.suggestions?.some((link) => link.path === field.path), `${misplaced.join('.')}: ${finding.message}`);
  });
});

describe('advice only where it holds', () => {
  // The oldest documented release: later releases exist to write a file for.
  let older: CheckerRelease;
  before(async () => {
    older = await realRelease(OLDEST_DOCUMENTED);
  });

  test('a file written for a later release gets no default-value notes and no minimal file, and is told which releases it fits', () => {
    const line = older.line;
    // A field only later releases have, under a section the older release has, and a default-equal value of that release.
    const later = line.data.fields.find((field) => {
      const span = line.spanAround(field.path, OLDEST_DOCUMENTED);
      const parent = parentPath(field.path);
      return isLiteralPath(field.path) && parent !== undefined && older.byPath.has(parent) && span?.addedIn !== undefined && !span.removedIn && /^boolean/u.test(line.data.states[field.runs.at(-1)![2]].type);
    });
    assert.ok(later, `a later release adds a boolean field under a section ${OLDEST_DOCUMENTED} has`);
    const defaultEqual = 'sync:\n  toHost:\n    pods:\n      enabled: true\n';
    const fitting = checkReport(defaultEqual, older);
    assert.ok(fitting.findings.some((finding) => finding.kind === 'default value'));
    assert.ok(fitting.minimal && fitting.minimal.removed.length > 0);
    assert.equal(fitting.adviceWithheld, undefined);

    const doc = new Document({});
    doc.setIn(later.path.split('.'), true);
    const text = `${doc.toString()}${defaultEqual}`;
    const report = checkReport(text, older);
    assert.ok(report.findings.some((finding) => finding.kind === 'release mismatch'));
    assert.ok(!report.findings.some((finding) => finding.kind === 'default value'), 'no default-value note');
    assert.equal(report.minimal, undefined, 'no minimal file');
    assert.ok(report.adviceWithheld);
    assert.equal(report.adviceWithheld.foreign, 1);
    const addedIn = line.spanAround(later.path, OLDEST_DOCUMENTED)!.addedIn!;
    assert.ok(report.fit!.fitting.includes(addedIn), `${report.fit!.fitting.join(', ')} includes ${addedIn}`);
    assert.ok(!report.fit!.fitting.includes(OLDEST_DOCUMENTED));
    assert.ok(report.fit!.fitting.every((version) => LINE.releases.indexOf(version) >= LINE.releases.indexOf(addedIn)));
    assert.match(report.adviceWithheld.writtenFor, new RegExp(`^${addedIn.replace(/\./gu, '\\.')}( to |$)`, 'u'));
  });
});
