/**
 * The named conditions of the upgrade constraints (reference/moves.ts
 * `CONDITIONS`), each checked on the file as it stands when the upgrade
 * reaches the constraint's release. Browser-safe.
 */
import type {ConditionName} from '../../reference/moves';
import type {Keys} from './edit';
import {runsK8sDistro, usesEmbeddedDatabase} from './transforms';
import type {EngineContext} from './types';

export interface ConditionInput extends EngineContext {
  /** The value at a key of the file as it stands (undefined: not set). */
  value(keys: Keys): unknown;
  /** The file was converted from the charts before 0.20. */
  legacy: boolean;
}

const COMPONENTS = ['apiServer', 'controllerManager', 'scheduler'];
const ETCD = ['controlPlane', 'backingStore', 'etcd', 'deploy'];

/** The etcd version a deployed etcd's pinned tag names (`3.5.17-0` → [3, 5, 17]); undefined when none is pinned. */
function pinnedEtcd(value: (keys: Keys) => unknown): number[] | undefined {
  const tag = value([...ETCD, 'statefulSet', 'image', 'tag']);
  const version = typeof tag === 'string' ? /^v?(\d+)\.(\d+)\.(\d+)/u.exec(tag) : null;
  return version ? version.slice(1).map(Number) : undefined;
}

export const CONDITION_CHECKS: Record<ConditionName, (input: ConditionInput) => boolean> = {
  deployedEtcd: ({value}) => value([...ETCD, 'enabled']) === true && pinnedEtcd(value) === undefined,
  pinnedOldEtcd: ({value}) => {
    const pinned = pinnedEtcd(value);
    return value([...ETCD, 'enabled']) === true && pinned !== undefined && (pinned[0] < 3 || (pinned[0] === 3 && (pinned[1] < 5 || (pinned[1] === 5 && pinned[2] < 20))));
  },
  k3sDistro: ({value}) => value(['controlPlane', 'distro', 'k3s', 'enabled']) === true,
  k8sHostVersion: ({value, fileRelease, defaultAt}) => {
    if (!runsK8sDistro(value)) return false;
    const version = value(['controlPlane', 'distro', 'k8s', 'version']);
    if (typeof version === 'string' && version) return false;
    // A component tag of its own pinned the version; one left at its default followed the host.
    return COMPONENTS.every((component) => {
      const tag = value(['controlPlane', 'distro', 'k8s', component, 'image', 'tag']);
      return tag === undefined || tag === '' || tag === defaultAt(fileRelease, `controlPlane.distro.k8s.${component}.image.tag`);
    });
  },
  externalDataSourceWithoutEnabled: ({value}) => {
    const dataSource = value(['controlPlane', 'backingStore', 'database', 'external', 'dataSource']);
    return typeof dataSource === 'string' && dataSource !== '' && runsK8sDistro(value) && usesEmbeddedDatabase(value);
  },
  haOnEmbeddedDatabase: ({value}) => {
    const replicas = value(['controlPlane', 'statefulSet', 'highAvailability', 'replicas']);
    return typeof replicas === 'number' && replicas > 1 && usesEmbeddedDatabase(value);
  },
  legacyValues: ({legacy}) => legacy,
  networkPolicyEnabled: ({value}) => value(['policies', 'networkPolicy', 'enabled']) === true,
};
