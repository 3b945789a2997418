/** What the upgrade engine's parts share: the context a transform or condition gets. Browser-safe. */
import type {Mapping, MoveEntry, TransformRef} from '../../reference/moves';
import type {Releases} from '../../reference/releases';
import type {ConfigEditor, Keys} from './edit';

export interface EngineContext {
  line: Releases;
  /** The release the reader's file was written for (for a converted file, the release it was converted to). */
  fileRelease: string;
  /** The default of a field in a release, from the release data (undefined: none). */
  defaultAt(version: string, path: string): unknown;
}

/** One move, or one part of a split, as the engine applies it. */
export interface MoveStep {
  move: MoveEntry;
  from: Keys[];
  to?: Keys;
  mapping?: Mapping;
  transform?: TransformRef;
  /** The release before the move's release, where the old form is read. */
  before: string;
}

export interface TransformContext extends EngineContext {
  editor: ConfigEditor;
  step: MoveStep;
  params: Record<string, unknown>;
}

/** What a transform found: the move does not apply here, or the reasons the reader must act, and what to know. */
export interface TransformVerdict {
  skip?: boolean;
  /** `apply` changed nothing: the keys stay for the reader. */
  kept?: boolean;
  manual?: string[];
  notes?: string[];
}

/**
 * A named transform (reference/moves.ts `TRANSFORMS`). `check` runs before
 * anything moves; `reshape` after the generic move put the value at `to`;
 * `apply` instead of the generic move, for the transforms that write
 * several keys themselves. Each may return manual reasons.
 */
export interface Transform {
  check?(context: TransformContext): TransformVerdict;
  reshape?(context: TransformContext): TransformVerdict | void;
  apply?(context: TransformContext): TransformVerdict | void;
}

/** Data helpers. */
export const isPlainMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a value turns something on: true, a text other than "" or "false", a number other than 0, a list with items, a map with such a value. */
export function isOn(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value !== '' && value !== 'false';
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainMap(value)) return Object.values(value).some(isOn);
  return true;
}

/** Whether a value turns something off: false, "false", or a map whose `enabled` is off. */
export function isOff(value: unknown): boolean {
  if (value === false || value === 'false') return true;
  return isPlainMap(value) && 'enabled' in value && (value.enabled === false || value.enabled === 'false');
}

export const code = (text: string): string => `\`${text}\``;
