/**
 * Applies the curated moves (reference/moves.ts) to a parsed file, release
 * by release from the file's release to the target: at each release, first
 * the constraints that crossing it raises (checked on the file as it is
 * then), then the moves it made, in their files' order. A mechanical move
 * is applied; one that needs the reader leaves its keys in place (unless the
 * move says the file change is right anyway) and says why. Browser-safe.
 */
import {isScalar} from 'yaml';
import {appliesAt, type ConstraintEntry, type MoveEntry, type MovesData, type SubMove} from '../../reference/moves';
import {compareVersions} from '../../reference/releases';
import {CONDITION_CHECKS} from './conditions';
import {type ConfigEditor, type Keys} from './edit';
import {TRANSFORM_IMPLEMENTATIONS} from './transforms';
import {code, isPlainMap, type EngineContext, type MoveStep, type TransformContext} from './types';

/** `applied`: done; `partial`: done, and the reader finishes it; `kept`: the keys stay, the reader acts. */
export type StepStatus = 'applied' | 'partial' | 'kept';

export interface MoveOutcome {
  move: MoveEntry;
  /** The part of a split. */
  part?: SubMove;
  status: StepStatus;
  /** The keys it read, as the file writes them. */
  from: string[];
  to?: string;
  /** Where the first of them was in the text the engine started from. */
  offset?: number;
  /** Why the reader must act. */
  manual: string[];
  /** What the reader should know about this file's case. */
  notes: string[];
}

export interface ConstraintOutcome {
  constraint: ConstraintEntry;
  /** `stop`: the releases of the line to land on first, between the file's release and the target. */
  landOn?: string[];
  /** `avoid`: the target itself is one to avoid. */
  targetAvoided?: boolean;
}

export interface EngineRun {
  outcomes: MoveOutcome[];
  constraints: ConstraintOutcome[];
}

const keysOf = (path: string): string[] => path.split('.');
const pathOf = (keys: Keys): string => keys.join('.');

function stepsOf(move: MoveEntry, before: string): MoveStep[] {
  if (move.kind === 'split') {
    return (move.targets ?? []).map((part) => ({move, from: [keysOf(part.from)], to: keysOf(part.to), ...(part.mapping ? {mapping: part.mapping} : {}), ...(part.transform ? {transform: part.transform} : {}), before}));
  }
  return [{move, from: move.from.map(keysOf), ...(move.to ? {to: keysOf(move.to)} : {}), ...(move.mapping ? {mapping: move.mapping} : {}), ...(move.transform ? {transform: move.transform} : {}), before}];
}

/** Moves the key at `from` to `to`, its sub-keys relocated by the mapping first; a conflict is a reason for the reader. */
function moveGeneric(editor: ConfigEditor, step: MoveStep): string[] {
  const from = step.from[0];
  const to = step.to;
  if (step.move.kind === 'remove' || !to) {
    editor.delete(from);
    return [];
  }
  const inPlace = pathOf(from) === pathOf(to);
  if (step.mapping) {
    const moved: Array<[string, ReturnType<ConfigEditor['detach']>]> = [];
    for (const [source, target] of Object.entries(step.mapping)) {
      const detached = editor.detach([...from, ...keysOf(source)], from.length);
      if (detached && target !== null) moved.push([target, detached]);
    }
    for (const [target, detached] of moved) {
      if (!editor.attach([...from, ...keysOf(target)], detached!.pair, {holes: detached!.holes})) return [`${code(`${pathOf(from)}.${target}`)} is set twice once its keys move: keep one.`];
    }
  }
  if (!inPlace) {
    const detached = editor.detach(from)!;
    if (!editor.attach(to, detached.pair, {near: from, holes: detached.holes})) return [`${code(pathOf(to))} cannot take the moved value.`];
  }
  return [];
}

/** Removes an empty map the move left at its target (a block with nothing in it may still switch a feature on). */
function pruneEmpty(editor: ConfigEditor, keys: Keys | undefined): void {
  if (!keys) return;
  const value = editor.value(keys);
  if (isPlainMap(value) && !Object.keys(value).length) editor.delete(keys);
}

export interface EnginePlan {
  /** The release the file is at (the converted release for a file of the charts before 0.20). */
  from: string;
  to: string;
  /** The file came from the charts before 0.20: `from` is where it was converted to, and a stop there counts. */
  legacy: boolean;
}

/** Runs every move and constraint between `plan.from` (exclusive) and `plan.to` (inclusive) on the editor's document. */
export function runMoves(editor: ConfigEditor, data: MovesData, plan: EnginePlan, context: EngineContext): EngineRun {
  const releases = context.line.data.releases;
  const [start, end] = [releases.indexOf(plan.from), releases.indexOf(plan.to)];
  const run: EngineRun = {outcomes: [], constraints: []};
  const value = (keys: Keys) => editor.value(keys);
  for (const release of releases.slice(start + 1, end + 1)) {
    for (const constraint of data.constraints.filter((entry) => entry.release === release)) {
      if (constraint.fromBefore && !plan.legacy && compareVersions(plan.from, constraint.fromBefore) >= 0) continue;
      if (!CONDITION_CHECKS[constraint.condition]({...context, value, legacy: plan.legacy})) continue;
      const outcome: ConstraintOutcome = {constraint};
      if (constraint.kind === 'stop' && constraint.stopAt) {
        const {first, last} = constraint.stopAt;
        outcome.landOn = releases.filter(
          (candidate, i) => compareVersions(candidate, first) >= 0 && compareVersions(candidate, last) <= 0 && (plan.legacy ? i >= start : i > start) && i < end,
        );
      }
      if (constraint.kind === 'avoid') outcome.targetAvoided = (constraint.avoid ?? []).includes(plan.to);
      run.constraints.push(outcome);
    }
    const before = releases[releases.indexOf(release) - 1];
    for (const move of data.moves.filter((entry) => appliesAt(entry) === release)) {
      editor.beginMove();
      for (const step of stepsOf(move, before)) {
        const outcome = runStep(editor, step, context);
        if (outcome) run.outcomes.push(outcome);
      }
    }
  }
  return run;
}

function runStep(editor: ConfigEditor, step: MoveStep, context: EngineContext): MoveOutcome | undefined {
  const present = step.from.filter((keys) => editor.has(keys));
  if (!present.length) return undefined;
  const {move} = step;
  const part = move.kind === 'split' ? move.targets?.find((target) => target.from === pathOf(step.from[0])) : undefined;
  const transform = step.transform ? TRANSFORM_IMPLEMENTATIONS[step.transform.name] : undefined;
  const transformContext: TransformContext = {...context, editor, step, params: step.transform?.params ?? {}};
  const first = editor.pairAt(present[0]);
  const offset = first && isScalar(first.pair.key) ? first.pair.key.range?.[0] : undefined;
  const verdict = transform?.check?.(transformContext) ?? {};
  if (verdict.skip) return undefined;
  const manual = [...(verdict.manual ?? [])];
  const notes = [...(verdict.notes ?? [])];
  const outcome = (status: StepStatus): MoveOutcome => ({
    move,
    ...(part ? {part} : {}),
    status,
    from: present.map(pathOf),
    ...(step.to ? {to: pathOf(step.to)} : {}),
    ...(offset === undefined ? {} : {offset}),
    manual,
    notes,
  });
  const inPlace = step.to !== undefined && step.from.some((keys) => pathOf(keys) === pathOf(step.to!));
  // Both the old key and its new place set: the reader decides which holds.
  if (step.to && !inPlace && !transform?.apply && editor.has(step.to)) {
    manual.push(`Both ${code(pathOf(present[0]))} and ${code(pathOf(step.to))} are set: keep the new one, with what it should hold, and delete the old.`);
  }
  if ((move.manual || manual.length) && !move.apply) return outcome('kept');
  const applied = transform?.apply ? (transform.apply(transformContext) ?? {}) : {manual: moveGeneric(editor, step)};
  manual.push(...(applied.manual ?? []));
  notes.push(...(applied.notes ?? []));
  if ('kept' in applied && applied.kept) return outcome('kept');
  if (!transform?.apply && transform?.reshape && editor.has(step.to!)) {
    const reshaped = transform.reshape(transformContext) ?? {};
    manual.push(...(reshaped.manual ?? []));
    notes.push(...(reshaped.notes ?? []));
  }
  pruneEmpty(editor, step.to);
  return outcome(manual.length || move.manual ? 'partial' : 'applied');
}
