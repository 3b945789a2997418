/**
 * Curated moves: what a release did to `vcluster.yaml` keys that its schema
 * cannot say by itself. A key renamed or moved (with the mapping of its
 * keys), a value reshaped (a named transform), a removal with what to do
 * instead, and the ordered-step constraints of an upgrade (releases it must
 * stop at, or avoid, and what must be true before it crosses a release).
 *
 * One YAML file per release that made moves (files.ts `movesFileFor`), each
 * entry with its evidence at the tag; gen-partials checks every file against
 * the release data (src/generator/load/loadMoves.ts) and publishes them for
 * the browser (urls.ts `MOVES_URL`). The upgrade engine (src/checker/moves/)
 * applies them. Browser-safe: types, names and rules only.
 */

export const MOVES_FORMAT = 1;

export const MOVE_KINDS = ['rename', 'reshape', 'merge', 'split', 'remove'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

/** How an old form fails in the release that dropped it. */
export const REJECTED_BY = ['schema', 'template', 'startup', 'cli', 'none'] as const;
export type RejectedBy = (typeof REJECTED_BY)[number];

/**
 * The named value transforms (src/checker/moves/transforms.ts implements
 * them), each with the parameters it takes. A transform may find that one
 * file's case needs the reader (the move's `manualWhen`).
 */
export const TRANSFORMS = {
  /** Whole seconds → a Go duration string (`3600` → `1h0m0s`); `field` names the key below the target; not positive: dropped. */
  secondsToDuration: ['field'],
  /** An image written as one string → `{registry, repository, tag}`, split as vCluster's ParseImageRef did at 0.27.0; `oldDefault`: a string equal to it is dropped. */
  imageStringToObject: ['oldDefault'],
  /** The k8s control plane's three component images → its one image: the tag they agree on; custom registries need the reader. */
  componentImagesToSingleImage: [],
  /** Several keys → one: the value they agree on, or the reader's choice when they differ. */
  firstNonEmptyAllEqual: [],
  /** `exportKubeConfig.secret` → a one-item `additionalSecrets`, with the top-level settings the secret used. */
  secretToAdditionalSecret: ['copy'],
  /** `{static: [pool], dynamic: [pool]}` → one list item per provider. */
  groupPoolsByProvider: [],
  /** `experimental.multiNamespaceMode` → `sync.toHost.namespaces`, which needs mappings the old mode made by itself. */
  requireNamespaceMappings: [],
  /** An external database's data source set without `enabled`: the reader confirms `enabled: true`. */
  externalDataSourceEnabled: [],
  /** The k3s distro block → the k8s one: the image's tag without its k3s suffix; k3s-only keys need the reader. */
  k3sToK8s: [],
  /** A block whose `enabled` the new form drops: mechanical when it was `true`, the reader decides when it was not. */
  dropEnabledWhenTrue: [],
  /** The virtual scheduler switch → the k8s distro's scheduler: only with the k8s distro. */
  schedulerWithK8sDistro: [],
  /** A removal that needs the reader when the value is `on` (true, a non-empty text, list or map) or `off` (false, or `enabled: false`); mechanical otherwise. */
  manualIf: ['value'],
} as const satisfies Record<string, readonly string[]>;
export type TransformName = keyof typeof TRANSFORMS;

/** A transform as an entry names it: `transform: secondsToDuration` or `{name: secondsToDuration, field: afterInactivity}`. */
export interface TransformRef {
  name: TransformName;
  params: Record<string, unknown>;
}

/** Sub-keys of a moved value, relative to `from` and `to`: `autoSleep.wakeup.schedule: autoWakeup.schedule`; `null` drops the key. */
export type Mapping = Record<string, string | null>;

/** One part of a `split` move: a key below `from` that goes somewhere of its own. */
export interface SubMove {
  from: string;
  to: string;
  kind: 'rename' | 'reshape';
  mapping?: Mapping;
  transform?: TransformRef;
  /** The release's schema does not declare `from` (an open map the Platform wrote into); its nearest declared parent is checked instead. */
  undeclared?: boolean;
  manualWhen?: string;
}

export interface MoveEntry {
  /** Unique across every release. */
  id: string;
  /** The release that made the move: the first whose chart rejects the old form (or, when the old form is still accepted, where the new form starts). */
  release: string;
  kind: MoveKind;
  /** The key(s) in the release before: one, or several for `merge`. */
  from: string[];
  /** The key in `release` (rename, reshape, merge). */
  to?: string;
  mapping?: Mapping;
  transform?: TransformRef;
  /** `split`: the parts, each moved on its own. */
  targets?: SubMove[];
  /** The condition under which the move applies, in words (its transform checks it). */
  when?: string;
  /** What to do instead (a removal), or what the reader does (a manual move), in our own words. */
  instead?: string;
  /** The reader must act: the engine leaves the keys in place (unless `apply`) and lists the step. */
  manual: boolean;
  /** A manual move whose file change the engine still makes; the reader does the rest. */
  apply?: boolean;
  /** The case, in words, in which a mechanical move needs the reader (its transform detects it). */
  manualWhen?: string;
  /** False: the old form is still accepted by the newest release (a deprecation); the engine moves it anyway. */
  enforced: boolean;
  /** The first release with the new form, when earlier than `release`: the move applies from there. */
  newFormSince?: string;
  rejectedBy: RejectedBy;
  /** What the reader should know about the move (a behaviour that changed), in our own words. */
  note?: string;
  /** A small file before the move (valid for the release before) and after it: the move's own test and its example on the guide. */
  example?: {before: string; after: string};
  /** The source read at the tag: files, functions, commits. */
  evidence: string;
  /** 1-based line of the entry in its file. */
  line: number;
}

export const CONSTRAINT_KINDS = ['stop', 'before', 'avoid'] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/**
 * The named checks a constraint runs on the file as it is when the upgrade
 * reaches the constraint's release (src/checker/moves/conditions.ts).
 */
export const CONDITIONS = {
  /** The control plane keeps its data in a deployed etcd (`controlPlane.backingStore.etcd.deploy.enabled`) running the chart's default etcd. */
  deployedEtcd: 'the file deploys etcd with the chart\'s own etcd image (`controlPlane.backingStore.etcd.deploy.enabled: true`)',
  /** A deployed etcd pinned to an image tag older than 3.5.20. */
  pinnedOldEtcd: 'the file pins the deployed etcd to a tag older than 3.5.20',
  /** The k3s distro is enabled. */
  k3sDistro: 'the file runs the k3s distro',
  /** The k8s distro with no version of its own: its Kubernetes version followed the host's. */
  k8sHostVersion: 'the file runs the k8s distro without pinning its Kubernetes version',
  /** `database.external.dataSource` set while `database.external.enabled` is not true. */
  externalDataSourceWithoutEnabled: 'the file sets an external database data source without `enabled: true`',
  /** More than one control-plane replica on the embedded database (SQLite). */
  haOnEmbeddedDatabase: 'the file runs several control-plane replicas on the embedded database',
  /** A values file of the charts before 0.20, converted first. */
  legacyValues: 'the file was a values file of the charts before 0.20',
  /** The chart's network policies are on (`policies.networkPolicy.enabled`). */
  networkPolicyEnabled: 'the file turns the network policies on',
} as const;
export type ConditionName = keyof typeof CONDITIONS;

export interface ConstraintEntry {
  id: string;
  /** The release an upgrade crosses for the constraint to apply. */
  release: string;
  /**
   * `stop`: land on a release in `stopAt` before crossing `release`;
   * `before`: do something before crossing `release`;
   * `avoid`: do not land on the releases in `avoid`.
   */
  kind: ConstraintKind;
  condition: ConditionName;
  /** Applies only to an upgrade from a release earlier than this one. */
  fromBefore?: string;
  /** `stop`: the releases to land on first, inclusive (they may be patches the line does not list). */
  stopAt?: {first: string; last: string};
  /** The release to prefer among them. */
  prefer?: string;
  /** `avoid`: releases not to land on. */
  avoid?: string[];
  /** Why, in our own words. */
  text: string;
  /** The source read at the tags. */
  evidence: string;
  line: number;
}

/** Every curated move and constraint, as gen-partials publishes them (urls.ts `MOVES_URL`): by release, then file order. */
export interface MovesData {
  format: typeof MOVES_FORMAT;
  moves: MoveEntry[];
  constraints: ConstraintEntry[];
}

/** The release a move applies at: where its new form starts. */
export function appliesAt(move: Pick<MoveEntry, 'release' | 'newFormSince'>): string {
  return move.newFormSince ?? move.release;
}

/** Every path a move reads in the release before it (its `from` keys and, for a split, its parts'). */
export function sourcePaths(move: Pick<MoveEntry, 'from' | 'targets'>): string[] {
  return [...move.from, ...(move.targets ?? []).map((target) => target.from)];
}

/** Every path a move writes (its `to` and its parts'). */
export function targetPaths(move: Pick<MoveEntry, 'to' | 'targets'>): string[] {
  return [...(move.to ? [move.to] : []), ...(move.targets ?? []).map((target) => target.to)];
}
