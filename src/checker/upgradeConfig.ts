/**
 * Upgrades a reader's `vcluster.yaml` from one release of the line to a
 * later one: every mechanical curated move applied in order (comments and
 * key order kept where the yaml package keeps them), the upgraded text and
 * its line diff against the input, the manual steps (each with its line,
 * reason and links), the releases to stop at, the problems that remain
 * against the target's schema (each explained, or said to be unexplained),
 * and whether the result needs vCluster Pro. A values file of the charts
 * before 0.20 is converted first, for the distro the reader names.
 *
 * Pure and browser-safe: the caller gives the release data, the moves and
 * the target's compiled schema (the page fetches them, the command line
 * reads them). Bad input throws an UpgradeInputError with a clear message.
 */
import type {ValidateFunction} from 'ajv';
import {Document, isMap, isScalar, parseDocument, visit} from 'yaml';
import {anchorOfPath, formatInstancePath, parsePath} from '../reference/configPath';
import {appliesAt, type ConstraintKind, type MoveEntry, type MoveKind, type MovesData} from '../reference/moves';
import {changesBaseOf, compareVersions, listedOn, type Releases} from '../reference/releases';
import {schemaProblems} from '../reference/validateConfig';
import {CHANGES_ROUTE, UPGRADE_ROUTE, changeEntryId, docsRoute, upgradeEntryId} from '../reference/urls';
import type {FieldLink} from './findings';
import {CONVERTED_RELEASE, convertLegacy, type Conversion} from './legacy/convert';
import {LEGACY_DISTROS, SHARED_TOP_LEVEL, legacyOnlyKeys, legacySyncKeys, type LegacyDistro} from './legacy/legacyValues';
import {ConfigEditor, expandAliases, hasAliases} from './moves/edit';
import {runMoves, type MoveOutcome, type StepStatus} from './moves/engine';
import {diffLines, type DiffLine} from './moves/lineDiff';
import {patchText, sameData, serialize, yamlStyle} from './moves/serialize';
import {lineColumns, type LineColumn} from './positions';
import {proVerdict, type ProVerdict} from './proVerdict';
import {checkerRelease, lineResolver, type CheckerRelease} from './release';

const releaseCache = new WeakMap<Releases, Map<string, CheckerRelease>>();

/** A release's fields and lookups, made once per release data (they take a while to build). */
function releaseOf(line: Releases, version: string): CheckerRelease {
  let cache = releaseCache.get(line);
  if (!cache) releaseCache.set(line, (cache = new Map()));
  let release = cache.get(version);
  if (!release) cache.set(version, (release = checkerRelease(line, version)));
  return release;
}

/** The release a reader names for a values file of the charts before 0.20. */
export const LEGACY_RELEASE = 'before-0.20';

/** The version of the result's shape (and of the command line's `--json`). */
export const UPGRADE_FORMAT = 1;

export type UpgradeErrorReason =
  | 'unknown-release'
  | 'not-later'
  | 'no-release'
  | 'invalid-yaml'
  | 'not-a-map'
  | 'other-chart'
  | 'mixed-formats'
  | 'legacy-needs-distro'
  | 'unknown-distro'
  | 'legacy-conversion';

/** Input the upgrade cannot work on, said plainly; `line` and `column` where the text is at fault. */
export class UpgradeInputError extends Error {
  constructor(
    readonly reason: UpgradeErrorReason,
    message: string,
    readonly position?: LineColumn,
  ) {
    super(message);
    this.name = 'UpgradeInputError';
  }
}

export interface UpgradeRequest {
  text: string;
  /** The release the file was written for; LEGACY_RELEASE (or nothing) for a values file of the charts before 0.20. */
  from?: string;
  to: string;
  /** For a file of the charts before 0.20: the distro it ran. */
  distro?: LegacyDistro;
}

export interface UpgradeSources {
  line: Releases;
  moves: MovesData;
  /** The target release's schema, compiled (reference/chartSchema.ts); without it no remaining problems are listed. */
  validate?: ValidateFunction;
}

/** A page of the site, as a link target: route without the base URL, and the anchor on it. */
export interface PageLink {
  version: string;
  route: string;
  anchor: string;
}

export interface StepLinks {
  /** The field in the docs: where the key went, or the key that went. */
  field?: FieldLink;
  /** The entry of the what-changed page that lists the change. */
  change?: PageLink;
  /** The move's entry on the upgrade guide. */
  guide?: PageLink;
}

export interface UpgradeStep {
  /** The curated move's id. */
  id: string;
  /** The release that made it. */
  release: string;
  kind: MoveKind;
  status: StepStatus;
  /** The reader acts: the step is `partial` or `kept`. */
  manual: boolean;
  /** The keys it read, as the file wrote them, and where they went. */
  from: string[];
  to?: string;
  /** Where the first key was in the reader's text (absent for a converted file). */
  line?: number;
  column?: number;
  /** Where to look in the upgraded text: the key left in place, or the new key. */
  outputLine?: number;
  outputColumn?: number;
  /** What happened, in a sentence. */
  summary: string;
  /** Why the reader must act. */
  reasons: string[];
  /** What to do instead, for a removal or a manual move. */
  instead?: string;
  /** What to know. */
  notes: string[];
  links: StepLinks;
}

export interface UpgradeConstraint {
  id: string;
  kind: ConstraintKind;
  /** The release whose crossing raises it. */
  release: string;
  text: string;
  /** The source read at the tags. */
  evidence: string;
  /** `stop`: the range to land on first, and the line's releases in it between the file's release and the target. */
  stopAt?: {first: string; last: string};
  landOn?: string[];
  prefer?: string;
  /** `avoid`: releases not to land on, and whether the target is one. */
  avoid?: string[];
  targetAvoided?: boolean;
  links: {guide?: PageLink};
}

export interface RemainingProblem extends LineColumn {
  /** The key at fault in the upgraded file. */
  path: string;
  /** What the target's chart says. */
  message: string;
  /** A manual step or a curated move accounts for it. */
  explained: boolean;
  /** Why it remains. */
  explanation: string;
  /** The step (move id) that accounts for it. */
  step?: string;
}

export interface LegacyReport {
  distro: LegacyDistro;
  /** The release the file was converted to before the moves, and the converted file. */
  convertedTo: string;
  convertedText: string;
  /** Keys the converter accepted and did not carry over. */
  ignored: string[];
}

export interface UpgradeResult {
  format: typeof UPGRADE_FORMAT;
  /** The file's release (LEGACY_RELEASE for a converted file). */
  from: string;
  to: string;
  legacy?: LegacyReport;
  /** The upgraded file, whole; the input itself when nothing changed. */
  text: string;
  changed: boolean;
  diff: DiffLine[];
  /** Every move that found its keys in the file, in the order applied. */
  steps: UpgradeStep[];
  constraints: UpgradeConstraint[];
  /** The target's schema was there to validate the result. */
  validated: boolean;
  problems: RemainingProblem[];
  pro: ProVerdict;
  /** Notes on the file as a whole (anchors written out, comments lost in a conversion). */
  notes: string[];
}

const code = (text: string): string => `\`${text}\``;

function parse(text: string): Document {
  const doc = parseDocument(text, {merge: true, prettyErrors: false});
  const error = doc.errors[0];
  if (error) {
    const at = lineColumns(text)(error.pos[0]);
    const what = error.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document; a vcluster.yaml is one' : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '');
    throw new UpgradeInputError('invalid-yaml', `The file is not valid YAML at line ${at.line}, column ${at.column}: ${what}.`, at);
  }
  if (doc.contents !== null && !isMap(doc.contents) && !(doc.contents && 'value' in doc.contents && doc.contents.value === null)) {
    throw new UpgradeInputError('not-a-map', 'A vcluster.yaml is a map of keys (`controlPlane:`, `sync:`…); this file holds a single value or a list.');
  }
  let complexKey: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key) && complexKey === undefined) complexKey = (pair.key as {range?: [number, number]}).range?.[0] ?? 0;
    },
  });
  if (complexKey !== undefined) {
    const at = lineColumns(text)(complexKey);
    throw new UpgradeInputError('invalid-yaml', `A key at line ${at.line}, column ${at.column} is itself a map or a list (an unrendered template such as \`{{ .Value }}\`?); the keys of a vcluster.yaml are names.`, at);
  }
  return doc;
}

function knownRelease(line: Releases, version: string, what: string): void {
  if (!line.has(version)) throw new UpgradeInputError('unknown-release', `${what} ${JSON.stringify(version)} is not a release this site knows; the releases are ${line.data.releases.join(', ')}.`);
}

/** The field of a documented release to link for a path, near `version`: the newest at or before it that shows the field, else any. */
function fieldNear(line: Releases, path: string, version: string): FieldLink | undefined {
  const field = line.byPath.get(path);
  if (!field) return undefined;
  const at = line.indexOf(version);
  const shown = line.shownIn(field);
  const place = shown.filter((candidate) => line.indexOf(candidate.version) <= at).sort((a, b) => line.indexOf(b.version) - line.indexOf(a.version))[0] ?? shown[0];
  return place && {version: place.version, path, route: place.route, anchor: place.anchor};
}

/** The upgrade guide of the newest documented release, when it lists entries of `release`. */
function guideLink(line: Releases, release: string, anchor: string): PageLink | undefined {
  const current = line.current;
  return compareVersions(current, release) >= 0 && changesBaseOf(line.data, current) !== undefined ? {version: current, route: docsRoute(current, current, UPGRADE_ROUTE), anchor} : undefined;
}

function linksOf(line: Releases, move: MoveEntry, outcome: MoveOutcome): StepLinks {
  const before = line.data.releases[line.indexOf(move.release) - 1];
  const target = outcome.to ?? outcome.part?.to;
  const field = target ? fieldNear(line, target, move.release) : fieldNear(line, move.from[0], before);
  const listed = listedOn(line.data, move.release);
  const source = outcome.part?.from ?? move.from[0];
  return {
    ...(field ? {field} : {}),
    ...(listed && line.byPath.has(source) && !line.stateAt(line.byPath.get(source)!, line.indexOf(move.release))
      ? {change: {version: listed, route: docsRoute(listed, line.current, CHANGES_ROUTE), anchor: changeEntryId('removed', anchorOfPath(source))}}
      : {}),
    ...(guideLink(line, move.release, upgradeEntryId('move', move.id)) ? {guide: guideLink(line, move.release, upgradeEntryId('move', move.id))} : {}),
  };
}

function summaryOf(outcome: MoveOutcome): string {
  const from = outcome.from.map(code).join(', ');
  const kind = outcome.part?.kind ?? outcome.move.kind;
  if (outcome.status === 'kept') return `Left ${from} in place for you to change (${outcome.move.release}).`;
  const done =
    kind === 'remove'
      ? `Removed ${from}`
      : kind === 'merge'
        ? `Merged ${from} into ${code(outcome.to!)}`
        : outcome.to && outcome.from.includes(outcome.to)
          ? `Rewrote ${from} in its new shape`
          : `Moved ${from} to ${code(outcome.to!)}${kind === 'reshape' ? ', reshaped' : ''}`;
  return `${done} (${outcome.move.release})${outcome.status === 'partial' ? '; finish it by hand' : ''}.`;
}

/** Whether `path` is `prefix` or below it. */
function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The path of a data key path with list indexes (`a.b[0].c`) made plain (`a.b.c`), to compare with move paths. */
const plain = (path: string): string => parsePath(path).flatMap((segment) => (segment.kind === 'property' ? [segment.key] : [])).join('.');

function explain(path: string, steps: readonly UpgradeStep[], sources: UpgradeSources, from: string, to: string): Pick<RemainingProblem, 'explained' | 'explanation' | 'step'> {
  const key = plain(path);
  const step = steps.find((candidate) => candidate.manual && [...candidate.from, ...(candidate.status === 'partial' && candidate.to ? [candidate.to] : [])].some((prefix) => within(key, prefix) || within(prefix, key)));
  if (step) return {explained: true, explanation: `Left for you by the step ${code(step.id)} (${step.release}): ${step.reasons[0] ?? step.instead ?? step.summary}`, step: step.id};
  const move = sources.moves.moves.find((candidate) => [...candidate.from, ...(candidate.targets ?? []).map((target) => target.from)].some((prefix) => within(key, prefix)));
  if (move) {
    const earlier = compareVersions(appliesAt(move), from) <= 0;
    const where = move.to ? `it moved to ${code(move.to)}` : move.instead ?? 'it was removed';
    return {
      explained: true,
      explanation: earlier
        ? `${code(key)} left vCluster in ${move.release} (the move ${code(move.id)}), before ${from}: the file still sets it, so it was not written for ${from}. Upgrade it from an earlier release, or apply the move by hand: ${where}.`
        : `${code(key)} left vCluster in ${move.release} (the move ${code(move.id)}): ${where}.`,
      step: move.id,
    };
  }
  const known = lineResolver(sources.line).resolve(key);
  if (known.found && !known.inside) {
    const span = sources.line.spanAround(known.record.path, to);
    if (span?.removedIn) return {explained: false, explanation: `${code(key)} was removed in ${span.removedIn}, and no curated move says where it went.`};
  }
  return {explained: false, explanation: `The ${to} chart rejects the value; no move accounts for it.`};
}

/** Upgrades `request.text` from its release to `request.to`. */
export function upgradeConfig(request: UpgradeRequest, sources: UpgradeSources): UpgradeResult {
  const {line} = sources;
  knownRelease(line, request.to, 'The target release');
  const doc = parse(request.text);
  const data = (doc.toJS({maxAliasCount: -1}) ?? {}) as Record<string, unknown>;
  const topLevel = Object.keys(data);
  const newTopLevel = new Set(line.data.fields.filter((field) => parsePath(field.path).length === 1).map((field) => field.path));
  const legacyKeys = [...legacyOnlyKeys(topLevel, newTopLevel), ...legacySyncKeys(data)];
  const newKeys = topLevel.filter((key) => newTopLevel.has(key) && !legacyKeys.includes(key) && !SHARED_TOP_LEVEL.has(key));
  const legacyMarked = request.from === LEGACY_RELEASE;
  if (legacyKeys.length && newKeys.length) {
    throw new UpgradeInputError(
      'mixed-formats',
      `The file mixes keys of the charts before 0.20 (${legacyKeys.map(code).join(', ')}) with vcluster.yaml keys (${newKeys.map(code).join(', ')}); convert the old keys first, or split the file.`,
    );
  }
  if (topLevel.length && !legacyKeys.length && !topLevel.some((key) => newTopLevel.has(key))) {
    throw new UpgradeInputError('other-chart', `None of the file's keys (${topLevel.slice(0, 6).map(code).join(', ')}${topLevel.length > 6 ? '…' : ''}) is a key of vcluster.yaml in any release, nor of the charts before 0.20: is it the values of another chart?`);
  }
  if (legacyMarked && !legacyKeys.length && newKeys.length) {
    throw new UpgradeInputError('legacy-conversion', `The file is already a vcluster.yaml (it sets ${newKeys.slice(0, 4).map(code).join(', ')}), not a values file of the charts before 0.20: choose the release it was written for.`);
  }
  const legacy = legacyKeys.length > 0 || legacyMarked;
  if (legacy && request.from !== undefined && !legacyMarked) {
    throw new UpgradeInputError('mixed-formats', `The file is a values file of the charts before 0.20 (${legacyKeys.map(code).join(', ')}), not a vcluster.yaml of ${request.from}: choose "${LEGACY_RELEASE}" as its release and the distro it ran.`);
  }

  let from: string;
  let startText = request.text;
  let startDoc = doc;
  let conversion: Conversion | undefined;
  const notes: string[] = [];
  if (legacy) {
    if (!request.distro) throw new UpgradeInputError('legacy-needs-distro', `The file is a values file of the charts before 0.20 (it sets ${legacyKeys.map(code).join(', ') || 'none of the vcluster.yaml keys'}); choose the distro it ran (${LEGACY_DISTROS.join(', ')}) to convert it.`);
    if (!LEGACY_DISTROS.includes(request.distro)) throw new UpgradeInputError('unknown-distro', `${JSON.stringify(request.distro)} is not a distro of the charts before 0.20 (${LEGACY_DISTROS.join(', ')}).`);
    knownRelease(line, CONVERTED_RELEASE, 'The release files are converted to,');
    conversion = convertLegacy(data, request.distro, line);
    if (conversion.errors.length) throw new UpgradeInputError('legacy-conversion', `The file cannot be converted as the ${request.distro} chart's values: ${conversion.errors.join('; ')}.`);
    from = CONVERTED_RELEASE;
    startDoc = new Document(conversion.config) as unknown as Document;
    startText = serialize(startDoc, {indent: 2, indentSeq: true});
    startDoc = parse(startText);
    notes.push(`Converted from the ${request.distro} chart's values before 0.20 to a vcluster.yaml of ${CONVERTED_RELEASE} first, as \`vcluster convert config\` did; comments of the old file do not carry over.`);
  } else {
    if (request.from === undefined) throw new UpgradeInputError('no-release', 'Say which release the file was written for.');
    knownRelease(line, request.from, 'The file\'s release');
    from = request.from;
  }
  if (line.indexOf(request.to) < line.indexOf(from)) throw new UpgradeInputError('not-later', `The target ${request.to} is older than the file's release ${from}; an upgrade goes to a later release.`);

  // The moves work on a copy of the document; the baseline is the unedited document as the yaml package writes it.
  const style = yamlStyle(startText);
  const baseline = serialize(startDoc, style);
  const working = parse(startText);
  if (hasAliases(working)) {
    expandAliases(working);
  }
  const editor = new ConfigEditor(working);
  const context = {
    line,
    fileRelease: from,
    defaultAt: (version: string, path: string) => {
      const field = line.byPath.get(path);
      return field && line.stateAt(field, line.indexOf(version))?.default;
    },
  };
  const run = runMoves(editor, sources.moves, {from, to: request.to, legacy}, context);
  if (editor.changed && hasAliases(doc)) notes.push('The file\'s anchors, aliases and merge keys (`&name`, `*name`, `<<`) are written out in the upgraded file: a key that moves must not take other places with it.');

  let text = startText;
  if (editor.changed || legacy) {
    const edited = serialize(working, style);
    const patched = legacy ? edited : patchText(startText, baseline, edited);
    text = patched !== undefined && sameData(patched, edited) ? patched : edited;
  }
  const outDoc = parseDocument(text, {merge: true});
  const outData = outDoc.toJS({maxAliasCount: -1}) ?? {};
  const inAt = lineColumns(startText);
  const outAt = lineColumns(text);
  const positionOf = (path: string): LineColumn | undefined => {
    const found = new ConfigEditor(outDoc).pairAt(path.split('.'));
    const offset = found?.pair.key && 'range' in (found.pair.key as object) ? (found.pair.key as {range?: [number, number]}).range?.[0] : undefined;
    return offset === undefined ? undefined : outAt(offset);
  };

  const steps: UpgradeStep[] = run.outcomes.map((outcome) => {
    const input = !legacy && outcome.offset !== undefined ? inAt(outcome.offset) : undefined;
    const output = positionOf(outcome.status === 'kept' || !outcome.to ? outcome.from[0] : outcome.to);
    const instead = outcome.move.instead;
    return {
      id: outcome.move.id,
      release: outcome.move.release,
      kind: outcome.part?.kind ?? outcome.move.kind,
      status: outcome.status,
      manual: outcome.status !== 'applied',
      from: outcome.from,
      ...(outcome.to ? {to: outcome.to} : {}),
      ...(input ? {line: input.line, column: input.column} : {}),
      ...(output ? {outputLine: output.line, outputColumn: output.column} : {}),
      summary: summaryOf(outcome),
      reasons: outcome.manual,
      ...(instead ? {instead} : {}),
      notes: [...(outcome.move.note && outcome.status !== 'kept' ? [outcome.move.note] : []), ...outcome.notes],
      links: linksOf(line, outcome.move, outcome),
    };
  });

  const constraints: UpgradeConstraint[] = run.constraints.map(({constraint, landOn, targetAvoided}) => ({
    id: constraint.id,
    kind: constraint.kind,
    release: constraint.release,
    text: constraint.text,
    evidence: constraint.evidence,
    ...(constraint.stopAt ? {stopAt: constraint.stopAt} : {}),
    ...(landOn ? {landOn} : {}),
    ...(constraint.prefer ? {prefer: constraint.prefer} : {}),
    ...(constraint.avoid ? {avoid: constraint.avoid} : {}),
    ...(targetAvoided === undefined ? {} : {targetAvoided}),
    links: guideLink(line, constraint.release, upgradeEntryId('constraint', constraint.id)) ? {guide: guideLink(line, constraint.release, upgradeEntryId('constraint', constraint.id))} : {},
  }));

  const problems: RemainingProblem[] = [];
  if (sources.validate) {
    for (const problem of schemaProblems(outDoc, outData, sources.validate)) {
      const path = formatInstancePath(problem.keys);
      problems.push({path, ...outAt(problem.offset), message: problem.message, ...explain(path, steps, sources, from, request.to)});
    }
  }
  // Keys the target's chart templates refuse although its schema still has them.
  for (const move of sources.moves.moves) {
    if (move.rejectedBy !== 'template' || compareVersions(appliesAt(move), request.to) > 0) continue;
    for (const path of move.from) {
      const position = positionOf(path);
      if (!position) continue;
      problems.push({path, ...position, message: `${path}: the ${request.to} chart fails the install or upgrade while this key is set`, explained: true, explanation: `${code(path)} left vCluster in ${move.release} (the move ${code(move.id)}): ${move.instead ?? 'delete it'}`, step: move.id});
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);

  return {
    format: UPGRADE_FORMAT,
    from: legacy ? LEGACY_RELEASE : from,
    to: request.to,
    ...(conversion ? {legacy: {distro: conversion.distro, convertedTo: conversion.release, convertedText: startText, ignored: conversion.ignored}} : {}),
    text,
    changed: text !== request.text,
    diff: diffLines(request.text, text),
    steps,
    constraints,
    validated: sources.validate !== undefined,
    problems,
    pro: proVerdict(text, outDoc, outData, releaseOf(line, request.to)),
    notes,
  };
}
