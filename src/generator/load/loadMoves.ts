/**
 * Reads and checks the curated moves (src/reference/moves.ts): one YAML file
 * per release in the moves folder (files.ts `MOVES_DIR`). `parseMovesText`
 * checks each file's shape, with the line of every problem; `checkMoves`
 * then checks every entry against the release data of the whole line: the
 * release is one of the line's, the keys it moves exist in the release
 * before it (and the new ones in it), the transform and the condition are
 * known. A file that fails stops gen-partials, naming file and line.
 */
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap} from 'yaml';
import {formatPath, parsePath} from '../../reference/configPath';
import {movesFileRelease} from '../../reference/files';
import {
  CONDITIONS,
  CONSTRAINT_KINDS,
  MOVE_KINDS,
  MOVES_FORMAT,
  REJECTED_BY,
  TRANSFORMS,
  appliesAt,
  type ConditionName,
  type ConstraintEntry,
  type Mapping,
  type MoveEntry,
  type MovesData,
  type SubMove,
  type TransformRef,
} from '../../reference/moves';
import {RELEASE_VERSION, compareVersions, type Releases} from '../../reference/releases';
import {PathResolver, type PathRecord} from '../../reference/resolvePath';
import {ChartInputError} from '../errors';

/** One moves file, parsed: its release (from the file name) and its entries with their lines. */
export interface MovesSource {
  file: string;
  release: string;
  moves: MoveEntry[];
  constraints: ConstraintEntry[];
}

interface Problem {
  line: number;
  problem: string;
}

/** A moves file's problems, each with its line, as one error. */
export class MovesError extends ChartInputError {
  constructor(file: string, readonly problems: readonly Problem[]) {
    super(file, `line ${problems[0].line}`, problems.length === 1 ? problems[0].problem : `${problems.length} problems:\n${problems.map((entry) => `  line ${entry.line}: ${entry.problem}`).join('\n')}`);
    this.name = 'MovesError';
  }
}

const MOVE_KEYS = new Set(['id', 'kind', 'from', 'to', 'mapping', 'transform', 'targets', 'when', 'instead', 'manual', 'apply', 'manualWhen', 'enforced', 'newFormSince', 'rejectedBy', 'note', 'example', 'evidence']);
const SUB_MOVE_KEYS = new Set(['from', 'to', 'kind', 'mapping', 'transform', 'undeclared', 'manualWhen']);
const CONSTRAINT_KEYS = new Set(['id', 'kind', 'condition', 'fromBefore', 'stopAt', 'prefer', 'avoid', 'text', 'evidence']);
const ID = /^[a-z][A-Za-z0-9]*$/u;

/** Reads one map entry's keys with the line of each. */
class Entry {
  readonly raw: Record<string, unknown>;
  private readonly lines = new Map<string, number>();

  constructor(
    readonly node: YAMLMap,
    readonly line: number,
    private readonly lineOf: (node: Node | null | undefined) => number,
  ) {
    this.raw = node.toJSON() as Record<string, unknown>;
    for (const pair of node.items as Array<Pair<Node, Node>>) if (isScalar(pair.key)) this.lines.set(String(pair.key.value), lineOf(pair.key));
  }

  lineAt(key: string): number {
    return this.lines.get(key) ?? this.line;
  }

  /** The node of a key's value, for nested lines. */
  valueNode(key: string): Node | undefined {
    const pair = (this.node.items as Array<Pair<Node, Node>>).find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === key);
    return pair?.value ?? undefined;
  }

  nodeLine(node: Node | null | undefined): number {
    return this.lineOf(node);
  }
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function transformOf(raw: unknown, where: string, line: number, problems: Problem[]): TransformRef | undefined {
  if (raw === undefined) return undefined;
  const {name, ...params} = typeof raw === 'string' ? {name: raw} : raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as {name?: unknown}) : {name: undefined};
  if (typeof name !== 'string' || !(name in TRANSFORMS)) {
    problems.push({line, problem: `${where}: unknown transform ${JSON.stringify(name)}; the transforms are ${Object.keys(TRANSFORMS).join(', ')}`});
    return undefined;
  }
  const allowed: readonly string[] = TRANSFORMS[name as keyof typeof TRANSFORMS];
  const unknown = Object.keys(params).filter((key) => !allowed.includes(key));
  if (unknown.length) problems.push({line, problem: `${where}: the transform ${name} takes no ${unknown.join(', ')}${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}`});
  return {name: name as TransformRef['name'], params};
}

function mappingOf(raw: unknown, where: string, line: number, problems: Problem[]): Mapping | undefined {
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({line, problem: `${where}: mapping is a map of relative keys (old: new, or old: null to drop it)`});
    return undefined;
  }
  const mapping: Mapping = {};
  for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
    if (to !== null && !text(to)) problems.push({line, problem: `${where}: mapping ${from} must name a key or be null`});
    else mapping[from] = to;
  }
  return mapping;
}

function versionOf(raw: unknown, where: string, line: number, problems: Problem[]): string | undefined {
  if (raw === undefined) return undefined;
  const version = String(raw);
  if (!RELEASE_VERSION.test(version)) problems.push({line, problem: `${where}: ${JSON.stringify(raw)} is not a release version`});
  return version;
}

function parseMove(entry: Entry, release: string, problems: Problem[]): MoveEntry | undefined {
  const {raw, line} = entry;
  const id = String(raw.id ?? '');
  const where = id || `the entry at line ${line}`;
  const unknown = Object.keys(raw).filter((key) => !MOVE_KEYS.has(key));
  if (unknown.length) problems.push({line, problem: `${where}: a move has no ${unknown.join(', ')} (it takes ${[...MOVE_KEYS].join(', ')})`});
  if (!ID.test(id)) problems.push({line, problem: `${where}: id must be a camelCase name`});
  const kind = raw.kind as MoveEntry['kind'];
  if (!MOVE_KINDS.includes(kind)) problems.push({line: entry.lineAt('kind'), problem: `${where}: kind must be one of ${MOVE_KINDS.join(', ')}`});
  const from = typeof raw.from === 'string' ? [raw.from] : Array.isArray(raw.from) && raw.from.every((path) => typeof path === 'string') ? (raw.from as string[]) : [];
  if (!from.length) problems.push({line: entry.lineAt('from'), problem: `${where}: from names the key moved (a list for merge)`});
  if (from.length > 1 && kind !== 'merge') problems.push({line: entry.lineAt('from'), problem: `${where}: only a merge moves several keys`});
  if (kind === 'merge' && from.length < 2) problems.push({line: entry.lineAt('from'), problem: `${where}: a merge moves several keys`});
  const to = raw.to === undefined ? undefined : String(raw.to);
  if ((kind === 'rename' || kind === 'reshape' || kind === 'merge') && !to) problems.push({line, problem: `${where}: a ${kind} names where the key goes (to)`});
  if ((kind === 'remove' || kind === 'split') && to) problems.push({line: entry.lineAt('to'), problem: `${where}: a ${kind} has no to${kind === 'split' ? ' (each target has its own)' : ''}`});
  const transform = transformOf(raw.transform, where, entry.lineAt('transform'), problems);
  if ((kind === 'reshape' || kind === 'merge') && !transform) problems.push({line, problem: `${where}: a ${kind} names its transform`});
  const mapping = mappingOf(raw.mapping, where, entry.lineAt('mapping'), problems);
  if (mapping && (kind === 'remove' || kind === 'merge' || kind === 'split')) problems.push({line: entry.lineAt('mapping'), problem: `${where}: a ${kind} takes no mapping`});

  let targets: SubMove[] | undefined;
  if (kind === 'split') {
    const node = entry.valueNode('targets');
    if (!isSeq(node) || !node.items.length) problems.push({line: entry.lineAt('targets'), problem: `${where}: a split lists its targets`});
    else {
      targets = [];
      for (const item of node.items as Node[]) {
        const targetLine = entry.nodeLine(item);
        if (!isMap(item)) {
          problems.push({line: targetLine, problem: `${where}: each target is a map with from, to and kind`});
          continue;
        }
        const target = item.toJSON() as Record<string, unknown>;
        const extra = Object.keys(target).filter((key) => !SUB_MOVE_KEYS.has(key));
        if (extra.length) problems.push({line: targetLine, problem: `${where}: a target has no ${extra.join(', ')}`});
        if (target.kind !== 'rename' && target.kind !== 'reshape') problems.push({line: targetLine, problem: `${where}: a target's kind is rename or reshape`});
        if (!text(target.from) || !text(target.to)) problems.push({line: targetLine, problem: `${where}: a target names from and to`});
        else if (!`${target.from}.`.startsWith(`${from[0]}.`)) problems.push({line: targetLine, problem: `${where}: the target ${String(target.from)} is not below ${from[0]}`});
        const sub: SubMove = {from: String(target.from), to: String(target.to), kind: target.kind as SubMove['kind']};
        const subTransform = transformOf(target.transform, where, targetLine, problems);
        const subMapping = mappingOf(target.mapping, where, targetLine, problems);
        if (target.kind === 'reshape' && !subTransform) problems.push({line: targetLine, problem: `${where}: a reshaped target names its transform`});
        if (subTransform) sub.transform = subTransform;
        if (subMapping) sub.mapping = subMapping;
        if (target.undeclared === true) sub.undeclared = true;
        if (target.manualWhen !== undefined) {
          if (!text(target.manualWhen)) problems.push({line: targetLine, problem: `${where}: a target's manualWhen is text`});
          else if (!subTransform) problems.push({line: targetLine, problem: `${where}: a target's manualWhen needs a transform that detects it`});
          else sub.manualWhen = target.manualWhen.trim();
        }
        targets.push(sub);
      }
    }
  } else if (raw.targets !== undefined) problems.push({line: entry.lineAt('targets'), problem: `${where}: only a split has targets`});

  if (typeof raw.manual !== 'boolean') problems.push({line: entry.lineAt('manual'), problem: `${where}: manual must be true or false (does the reader have to act?)`});
  for (const key of ['when', 'instead', 'manualWhen', 'note'] as const) {
    if (raw[key] !== undefined && !text(raw[key])) problems.push({line: entry.lineAt(key), problem: `${where}: ${key} must be non-empty text`});
  }
  if (kind === 'remove' && !text(raw.instead)) problems.push({line, problem: `${where}: a removal says what to do instead`});
  if (raw.manual === true && !text(raw.instead)) problems.push({line, problem: `${where}: a manual move says what the reader does (instead)`});
  if (raw.when !== undefined && !transform) problems.push({line: entry.lineAt('when'), problem: `${where}: a condition (when) needs a transform that checks it`});
  if (raw.manualWhen !== undefined && !transform && kind !== 'split') problems.push({line: entry.lineAt('manualWhen'), problem: `${where}: manualWhen needs a transform that detects the case`});
  if (raw.apply !== undefined && (typeof raw.apply !== 'boolean' || (raw.manual !== true && raw.manualWhen === undefined))) {
    problems.push({line: entry.lineAt('apply'), problem: `${where}: apply (true or false) is for a move that can be manual`});
  }
  if (raw.enforced !== undefined && typeof raw.enforced !== 'boolean') problems.push({line: entry.lineAt('enforced'), problem: `${where}: enforced must be true or false`});
  const rejectedBy = (raw.rejectedBy ?? 'schema') as MoveEntry['rejectedBy'];
  if (!REJECTED_BY.includes(rejectedBy)) problems.push({line: entry.lineAt('rejectedBy'), problem: `${where}: rejectedBy must be one of ${REJECTED_BY.join(', ')}`});
  const newFormSince = versionOf(raw.newFormSince, where, entry.lineAt('newFormSince'), problems);
  if (newFormSince && compareVersions(newFormSince, release) >= 0) problems.push({line: entry.lineAt('newFormSince'), problem: `${where}: newFormSince must be earlier than the file's release ${release}`});
  if (!text(raw.evidence)) problems.push({line, problem: `${where}: every move names its evidence (the source at the tag)`});

  let example: MoveEntry['example'];
  if (raw.example !== undefined) {
    const {before, after, ...rest} = (raw.example ?? {}) as Record<string, unknown>;
    if (typeof before !== 'string' || typeof after !== 'string' || Object.keys(rest).length) problems.push({line: entry.lineAt('example'), problem: `${where}: example is {before, after}, two YAML texts`});
    else {
      for (const [name, yamlText] of [['before', before], ['after', after]] as const) {
        const parsed = parseDocument(yamlText);
        if (parsed.errors.length) problems.push({line: entry.lineAt('example'), problem: `${where}: example.${name} is not valid YAML: ${parsed.errors[0].message.split('\n')[0]}`});
      }
      example = {before, after};
    }
  }

  if (problems.length) return undefined;
  return {
    id,
    release,
    kind,
    from,
    ...(to ? {to} : {}),
    ...(mapping ? {mapping} : {}),
    ...(transform ? {transform} : {}),
    ...(targets ? {targets} : {}),
    ...(text(raw.when) ? {when: raw.when.trim()} : {}),
    ...(text(raw.instead) ? {instead: raw.instead.trim()} : {}),
    manual: raw.manual === true,
    ...(raw.apply === true ? {apply: true} : {}),
    ...(text(raw.manualWhen) ? {manualWhen: raw.manualWhen.trim()} : {}),
    enforced: raw.enforced !== false,
    ...(newFormSince ? {newFormSince} : {}),
    rejectedBy,
    ...(text(raw.note) ? {note: raw.note.trim()} : {}),
    ...(example ? {example} : {}),
    evidence: String(raw.evidence).trim(),
    line,
  };
}

function parseConstraint(entry: Entry, release: string, problems: Problem[]): ConstraintEntry | undefined {
  const {raw, line} = entry;
  const id = String(raw.id ?? '');
  const where = id || `the constraint at line ${line}`;
  const unknown = Object.keys(raw).filter((key) => !CONSTRAINT_KEYS.has(key));
  if (unknown.length) problems.push({line, problem: `${where}: a constraint has no ${unknown.join(', ')} (it takes ${[...CONSTRAINT_KEYS].join(', ')})`});
  if (!ID.test(id)) problems.push({line, problem: `${where}: id must be a camelCase name`});
  const kind = raw.kind as ConstraintEntry['kind'];
  if (!CONSTRAINT_KINDS.includes(kind)) problems.push({line: entry.lineAt('kind'), problem: `${where}: kind must be one of ${CONSTRAINT_KINDS.join(', ')}`});
  const condition = raw.condition as ConditionName;
  if (typeof condition !== 'string' || !(condition in CONDITIONS)) problems.push({line: entry.lineAt('condition'), problem: `${where}: unknown condition ${JSON.stringify(raw.condition)}; the conditions are ${Object.keys(CONDITIONS).join(', ')}`});
  const fromBefore = versionOf(raw.fromBefore, where, entry.lineAt('fromBefore'), problems);
  let stopAt: ConstraintEntry['stopAt'];
  if (raw.stopAt !== undefined) {
    const {first, last} = (raw.stopAt ?? {}) as {first?: unknown; last?: unknown};
    const [a, b] = [versionOf(first ?? '', where, entry.lineAt('stopAt'), problems), versionOf(last ?? '', where, entry.lineAt('stopAt'), problems)];
    if (a && b && RELEASE_VERSION.test(a) && RELEASE_VERSION.test(b)) {
      if (compareVersions(a, b) > 0) problems.push({line: entry.lineAt('stopAt'), problem: `${where}: stopAt.first is later than stopAt.last`});
      if (compareVersions(b, release) >= 0) problems.push({line: entry.lineAt('stopAt'), problem: `${where}: the releases to stop at come before ${release}`});
      stopAt = {first: a, last: b};
    }
  }
  if (kind === 'stop' && !stopAt) problems.push({line, problem: `${where}: a stop names the releases to land on (stopAt: {first, last})`});
  if (kind !== 'stop' && raw.stopAt !== undefined) problems.push({line: entry.lineAt('stopAt'), problem: `${where}: only a stop has stopAt`});
  const prefer = versionOf(raw.prefer, where, entry.lineAt('prefer'), problems);
  if (prefer && stopAt && (compareVersions(prefer, stopAt.first) < 0 || compareVersions(prefer, stopAt.last) > 0)) problems.push({line: entry.lineAt('prefer'), problem: `${where}: prefer ${prefer} is not among the releases to stop at`});
  let avoid: string[] | undefined;
  if (raw.avoid !== undefined) {
    if (!Array.isArray(raw.avoid) || !raw.avoid.length) problems.push({line: entry.lineAt('avoid'), problem: `${where}: avoid lists releases`});
    else avoid = raw.avoid.map((version) => versionOf(version, where, entry.lineAt('avoid'), problems) ?? '');
  }
  if (kind === 'avoid' && !avoid) problems.push({line, problem: `${where}: an avoid constraint lists the releases not to land on`});
  if (kind !== 'avoid' && raw.avoid !== undefined) problems.push({line: entry.lineAt('avoid'), problem: `${where}: only an avoid constraint lists releases to avoid`});
  if (!text(raw.text)) problems.push({line, problem: `${where}: text says why, in a sentence or two`});
  if (!text(raw.evidence)) problems.push({line, problem: `${where}: every constraint names its evidence (the source at the tag)`});
  if (problems.length) return undefined;
  return {
    id,
    release,
    kind,
    condition,
    ...(fromBefore ? {fromBefore} : {}),
    ...(stopAt ? {stopAt} : {}),
    ...(prefer ? {prefer} : {}),
    ...(avoid ? {avoid} : {}),
    text: String(raw.text).trim(),
    evidence: String(raw.evidence).trim(),
    line,
  };
}

/** Parses one moves file; its release is its name (`0.32.0.yaml`). */
export function parseMovesText(file: string, yamlText: string): MovesSource {
  const release = movesFileRelease(path.basename(file));
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, {lineCounter, prettyErrors: false});
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const problems: Problem[] = [];
  for (const error of document.errors) problems.push({line: lineCounter.linePos(error.pos[0]).line, problem: `invalid YAML: ${error.message.split('\n')[0]}`});
  if (problems.length) throw new MovesError(file, problems);
  if (!release) throw new MovesError(file, [{line: 1, problem: 'a moves file is named after its release: <version>.yaml'}]);
  const source: MovesSource = {file, release, moves: [], constraints: []};
  if (document.contents === null) return source;
  if (!isMap(document.contents)) throw new MovesError(file, [{line: 1, problem: 'a moves file is a map with moves and constraints'}]);
  for (const pair of (document.contents as YAMLMap).items as Array<Pair<Node, Node>>) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key);
    if (key !== 'moves' && key !== 'constraints') {
      problems.push({line, problem: `unknown key ${JSON.stringify(key)}: a moves file has moves and constraints`});
      continue;
    }
    if (!isSeq(pair.value)) {
      problems.push({line, problem: `${key} is a list`});
      continue;
    }
    for (const item of pair.value.items as Node[]) {
      if (!isMap(item)) {
        problems.push({line: lineOf(item), problem: `each of ${key} is a map`});
        continue;
      }
      const entry = new Entry(item, lineOf(item), lineOf);
      const own: Problem[] = [];
      if (key === 'moves') {
        const move = parseMove(entry, release, own);
        if (move) source.moves.push(move);
      } else {
        const constraint = parseConstraint(entry, release, own);
        if (constraint) source.constraints.push(constraint);
      }
      problems.push(...own);
    }
  }
  if (problems.length) throw new MovesError(file, problems);
  return source;
}

/** Reads every moves file of a folder, in release order; a missing folder has none. */
export async function loadMoves(dir: string): Promise<MovesSource[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ChartInputError(dir, undefined, `cannot read the moves folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const files = names.filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'));
  const sources = await Promise.all(files.map(async (name) => parseMovesText(path.join(dir, name), await readFile(path.join(dir, name), 'utf8'))));
  return sources.sort((a, b) => compareVersions(a.release, b.release));
}

/** Where a path is in one release: a field, inside a free-form field, or not there. */
function lookup(resolver: PathResolver<PathRecord>, path: string): 'field' | 'inside' | undefined {
  const resolution = resolver.resolve(path);
  if (!resolution.found) return undefined;
  return resolution.inside ? 'inside' : 'field';
}

/** The path of `relative` below `base` (`a.b` + `c.d`). */
function below(base: string, relative: string): string {
  return formatPath([...parsePath(base), ...parsePath(relative)]);
}

/**
 * Checks parsed moves files against the release data: each file's release
 * is one of the line (not its first), ids are unique, and every key a move
 * reads exists in the release before the move's release, and every key it
 * writes in the release itself (and from `newFormSince` on). Returns what
 * gen-partials publishes; throws a MovesError naming the first file with
 * problems.
 */
export function checkMoves(sources: readonly MovesSource[], releases: Releases): MovesData {
  const resolvers = new Map<string, PathResolver<PathRecord>>();
  const resolverAt = (version: string): PathResolver<PathRecord> => {
    let resolver = resolvers.get(version);
    if (!resolver) resolvers.set(version, (resolver = new PathResolver(releases.fieldsOf(version))));
    return resolver;
  };
  const line = releases.data.releases;
  const seen = new Map<string, string>();
  const data: MovesData = {format: MOVES_FORMAT, moves: [], constraints: []};
  for (const source of sources) {
    const problems: Problem[] = [];
    const at = line.indexOf(source.release);
    if (at < 0) throw new MovesError(source.file, [{line: 1, problem: `${source.release} is not a release of the line (${line.join(', ')})`}]);
    if (at === 0) throw new MovesError(source.file, [{line: 1, problem: `${source.release} is the oldest release of the line: there is no release before it to move keys from`}]);
    const before = line[at - 1];
    for (const entry of [...source.moves, ...source.constraints]) {
      const other = seen.get(entry.id);
      if (other) problems.push({line: entry.line, problem: `${entry.id}: the id is taken (${other})`});
      seen.set(entry.id, `${path.basename(source.file)}:${entry.line}`);
    }
    const releaseOf = (version: string | undefined, what: string, entryLine: number) => {
      if (version && !line.includes(version)) problems.push({line: entryLine, problem: `${what} ${version} is not a release of the line`});
    };
    for (const move of source.moves) {
      const where = move.id;
      releaseOf(move.newFormSince, `${where}: newFormSince`, move.line);
      const newForm = [source.release, ...(move.newFormSince ? [move.newFormSince] : [])];
      const reads = (path: string, undeclared = false) => {
        if (lookup(resolverAt(before), path)) return;
        if (undeclared) {
          const parents = parsePath(path);
          for (let length = parents.length - 1; length > 0; length--) {
            if (lookup(resolverAt(before), formatPath(parents.slice(0, length))) === 'field') return;
          }
        }
        problems.push({line: move.line, problem: `${where}: ${path} is not a key of ${before}, the release before ${source.release}`});
      };
      const writes = (path: string) => {
        for (const version of newForm) if (!lookup(resolverAt(version), path)) problems.push({line: move.line, problem: `${where}: ${path} is not a key of ${version}`});
      };
      for (const from of move.from) reads(from);
      if (move.to) writes(move.to);
      for (const [from, to] of Object.entries(move.mapping ?? {})) {
        reads(below(move.from[0], from));
        if (to !== null) writes(below(move.to!, to));
      }
      for (const target of move.targets ?? []) {
        reads(target.from, target.undeclared);
        writes(target.to);
        for (const [from, to] of Object.entries(target.mapping ?? {})) {
          if (!target.undeclared) reads(below(target.from, from));
          if (to !== null) writes(below(target.to, to));
        }
      }
      // A key the schema still has is not rejected by it: say how it fails, or that it is still accepted.
      const inPlace = move.to !== undefined && move.from.includes(move.to);
      if (move.enforced && move.rejectedBy === 'schema' && !inPlace) {
        for (const from of move.from) {
          if (lookup(resolverAt(source.release), from) === 'field') problems.push({line: move.line, problem: `${where}: ${source.release} still has ${from}; say how it is rejected (rejectedBy) or that it is still accepted (enforced: false)`});
        }
      }
      if (move.rejectedBy === 'template' && move.from.some((from) => !lookup(resolverAt(source.release), from))) {
        problems.push({line: move.line, problem: `${where}: rejectedBy template is for a key the schema of ${source.release} still has`});
      }
      if (!problems.length) data.moves.push(move);
    }
    for (const constraint of source.constraints) {
      if (constraint.fromBefore && compareVersions(constraint.fromBefore, source.release) > 0) problems.push({line: constraint.line, problem: `${constraint.id}: fromBefore ${constraint.fromBefore} is later than the release it crosses`});
      if (!problems.length) data.constraints.push(constraint);
    }
    if (problems.length) throw new MovesError(source.file, problems);
  }
  const order = (a: {release: string; line: number}, b: {release: string; line: number}) => compareVersions(a.release, b.release) || a.line - b.line;
  data.moves.sort((a, b) => compareVersions(appliesAt(a), appliesAt(b)) || order(a, b));
  data.constraints.sort(order);
  return data;
}
