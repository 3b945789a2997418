/**
 * The rules vCluster itself enforces when it reads its config, before it
 * starts (pkg/config/validation.go `ValidateConfigAndSetDefaults` and the
 * helpers it calls; the vCluster CLI runs the same check before an install).
 * Each rule's range was read at the tag of every release of the line; the
 * messages are the site's own words.
 */
import {formatInstancePath} from '../../reference/configPath';
import {code} from '../inlineCode';
import {entriesOf, fieldOf, isPlainMap, isTrue, itemsOf, nonEmpty, strBool, text} from './context';
import {isDnsSubdomain, isNamespaceName, tolerationProblem} from './kubernetes';
import type {Keys, Rule, RuleContext, Violation} from './types';

const VALIDATION = 'pkg/config/validation.go (ValidateConfigAndSetDefaults)';

const keysOf = (path: string, ...more: Array<string | number>): Keys => [...path.split('.'), ...more];

/** The distro vCluster runs (config/config.go `Distro`): the first enabled of k3s, k0s, k8s; k8s when none is. */
export function distroOf(context: RuleContext): 'k3s' | 'k0s' | 'k8s' {
  if (isTrue(context.value('controlPlane.distro.k3s.enabled'))) return 'k3s';
  if (isTrue(context.value('controlPlane.distro.k0s.enabled'))) return 'k0s';
  return 'k8s';
}

/** The backing store vCluster uses (config/config.go `BackingStoreType`): the first enabled, in its order; the embedded database when none is. */
export function backingStoreOf(context: RuleContext): 'embedded etcd' | 'external etcd' | 'deployed etcd' | 'embedded database' | 'external database' {
  if (isTrue(context.value('controlPlane.backingStore.etcd.embedded.enabled'))) return 'embedded etcd';
  if (isTrue(context.value('controlPlane.backingStore.etcd.external.enabled'))) return 'external etcd';
  if (isTrue(context.value('controlPlane.backingStore.etcd.deploy.enabled'))) return 'deployed etcd';
  if (isTrue(context.value('controlPlane.backingStore.database.embedded.enabled'))) return 'embedded database';
  if (isTrue(context.value('controlPlane.backingStore.database.external.enabled'))) return 'external database';
  return 'embedded database';
}

const podSecurityStandard: Rule = {
  id: 'pod-security-standard',
  kind: 'refused',
  since: '0.20.0',
  source: 'vcluster',
  evidence: VALIDATION,
  summary: 'policies.podSecurityStandard is privileged, baseline or restricted',
  check(context) {
    const value = context.own('policies.podSecurityStandard');
    if (typeof value !== 'string' || value === '' || ['privileged', 'baseline', 'restricted'].includes(value)) return [];
    return [{at: keysOf('policies.podSecurityStandard'), message: `${code(value)} is no Pod Security Standard: vCluster ${context.version} takes ${code('privileged')}, ${code('baseline')} or ${code('restricted')} (or none), and refuses to start with anything else.`}];
  },
};

const enforceTolerations: Rule = {
  id: 'enforce-tolerations',
  kind: 'refused',
  since: '0.20.0',
  source: 'vcluster',
  evidence: `${VALIDATION}; pkg/util/toleration/toleration.go (ParseToleration)`,
  summary: 'each sync.toHost.pods.enforceTolerations entry reads as key[=value][:effect]',
  check(context) {
    return itemsOf(context.own('sync.toHost.pods.enforceTolerations')).flatMap((entry, index): Violation[] => {
      if (typeof entry !== 'string') return [];
      const problem = tolerationProblem(entry);
      return problem ? [{at: keysOf('sync.toHost.pods.enforceTolerations', index), message: `vCluster ${context.version} cannot read the toleration ${code(entry)}: ${problem}. It is written ${code('key[=value][:effect]')}, or ${code('*')}; vCluster refuses to start.`}] : [];
    });
  },
};

const schedulerNeedsNodes: Rule = {
  id: 'scheduler-needs-node-sync',
  kind: 'refused',
  since: '0.20.0',
  source: 'vcluster',
  evidence: `${VALIDATION}; from 0.26.0 pkg/config/config.go (SchedulingInVirtualClusterEnabled) and config/config.go (IsVirtualSchedulerEnabled)`,
  summary: 'scheduling inside the virtual cluster needs sync.fromHost.nodes.enabled',
  check(context) {
    // Fields a release lacks read as unset, so one rule serves the whole line.
    const by = [
      isTrue(context.value('controlPlane.advanced.virtualScheduler.enabled')) && 'controlPlane.advanced.virtualScheduler.enabled',
      distroOf(context) === 'k8s' && isTrue(context.value('controlPlane.distro.k8s.scheduler.enabled')) && 'controlPlane.distro.k8s.scheduler.enabled',
      isTrue(context.value('sync.toHost.pods.hybridScheduling.enabled')) && 'sync.toHost.pods.hybridScheduling.enabled',
    ].filter((path): path is string => Boolean(path));
    if (!by.length || isTrue(context.value('sync.fromHost.nodes.enabled'))) return [];
    return [
      {
        at: keysOf(by[0]),
        related: [...by.slice(1).map((path) => keysOf(path)), keysOf('sync.fromHost.nodes.enabled')],
        message: `${code(by[0])} schedules pods inside the virtual cluster, which needs the host's nodes: set ${code('sync.fromHost.nodes.enabled: true')}. Without it vCluster ${context.version} refuses to start.`,
      },
    ];
  },
};

/** A rule that one kind of resource is synced from the host or to it, not both; `fromHostOn` reads the `fromHost` switch. */
function oneDirection(id: string, since: string, resource: string, words: string, fromHostOn: (value: unknown) => boolean): Rule {
  const [from, to] = [`sync.fromHost.${resource}.enabled`, `sync.toHost.${resource}.enabled`];
  return {
    id,
    kind: 'refused',
    since,
    source: 'vcluster',
    evidence: VALIDATION,
    summary: `${words} are synced from the host or to it, not both`,
    check(context) {
      if (!fromHostOn(context.value(from)) || !isTrue(context.value(to))) return [];
      return [{at: keysOf(to), related: [keysOf(from)], message: `${words[0].toUpperCase()}${words.slice(1)} are synced both ways: ${code(from)} and ${code(to)} are both on. vCluster ${context.version} refuses to start; keep one.`}];
    },
  };
}

// `fromHost.storageClasses.enabled` is `auto`, `true` or `false`; only an explicit `true` conflicts (vCluster turns `auto` on only without the other).
const storageClassesOneWay = oneDirection('storage-classes-one-direction', '0.20.0', 'storageClasses', 'storage classes', (value) => strBool(value) === 'true');

const embeddedDatabaseOneReplica: Rule = {
  id: 'embedded-database-one-replica',
  kind: 'refused',
  since: '0.21.0',
  source: 'vcluster',
  evidence: `${VALIDATION}; config/config.go (BackingStoreType)`,
  summary: 'the embedded database runs with one control-plane replica',
  check(context) {
    const replicas = context.value('controlPlane.statefulSet.highAvailability.replicas');
    if (typeof replicas !== 'number' || replicas <= 1 || backingStoreOf(context) !== 'embedded database') return [];
    const chosen = isTrue(context.own('controlPlane.backingStore.database.embedded.enabled')) ? 'the embedded database' : 'the embedded database (the backing store when no other is enabled)';
    return [
      {
        at: keysOf('controlPlane.statefulSet.highAvailability.replicas'),
        related: [keysOf('controlPlane.backingStore')],
        message: `${code(`controlPlane.statefulSet.highAvailability.replicas: ${replicas}`)} with ${chosen}: it serves one replica only, and vCluster ${context.version} refuses to start. Choose embedded or deployed etcd, or an external database, for more than one replica.`,
      },
    ];
  },
};

const priorityClassesOneWay = oneDirection('priority-classes-one-direction', '0.21.0', 'priorityClasses', 'priority classes', isTrue);

const volumeSnapshotsTogether: Rule = {
  id: 'volume-snapshots-together',
  kind: 'refused',
  since: '0.21.0',
  removedIn: '0.36.0',
  source: 'vcluster',
  evidence: VALIDATION,
  summary: 'sync.toHost.volumeSnapshots and volumeSnapshotContents are on together',
  check(context) {
    const snapshots = isTrue(context.value('sync.toHost.volumeSnapshots.enabled'));
    const contents = isTrue(context.value('sync.toHost.volumeSnapshotContents.enabled'));
    if (snapshots === contents) return [];
    const [on, off] = snapshots ? ['sync.toHost.volumeSnapshots.enabled', 'sync.toHost.volumeSnapshotContents.enabled'] : ['sync.toHost.volumeSnapshotContents.enabled', 'sync.toHost.volumeSnapshots.enabled'];
    return [{at: keysOf(on), related: [keysOf(off)], message: `${code(on)} needs ${code(`${off}: true`)} as well: vCluster ${context.version} syncs volume snapshots and their contents together, and refuses to start with one alone.`}];
  },
};

const customResourcesToHostScope: Rule = {
  id: 'custom-resources-to-host-scope',
  kind: 'refused',
  since: '0.21.0',
  source: 'vcluster',
  evidence: VALIDATION,
  summary: 'sync.toHost.customResources entries are namespaced',
  check(context) {
    return entriesOf(context.own('sync.toHost.customResources')).flatMap(([key, entry]): Violation[] => {
      const scope = text(fieldOf(entry, 'scope'));
      return scope && scope !== 'Namespaced'
        ? [{at: ['sync', 'toHost', 'customResources', key, 'scope'], message: `${code(key)} has scope ${code(scope)}: vCluster ${context.version} syncs only namespaced custom resources to the host (${code('Namespaced')}), and refuses to start.`}]
        : [];
    });
  },
};

const customResourcesFromHostClusterScope: Rule = {
  id: 'custom-resources-from-host-cluster-scope',
  kind: 'refused',
  since: '0.21.0',
  removedIn: '0.23.0',
  source: 'vcluster',
  evidence: VALIDATION,
  summary: 'sync.fromHost.customResources entries are cluster-scoped',
  check(context) {
    return entriesOf(context.own('sync.fromHost.customResources')).flatMap(([key, entry]): Violation[] => {
      const scope = text(fieldOf(entry, 'scope'));
      return scope && scope !== 'Cluster'
        ? [{at: ['sync', 'fromHost', 'customResources', key, 'scope'], message: `${code(key)} has scope ${code(scope)}: vCluster ${context.version} syncs only cluster-scoped custom resources from the host (${code('Cluster')}), and refuses to start.`}]
        : [];
    });
  },
};

/** Why a `mappings.byName` entry is refused, or undefined (validation.go `validateFromHostMappingEntry`). */
function mappingEntryProblem(host: string, virtual: string): string | undefined {
  if (host.split('/').length > 2 || virtual.split('/').length > 2) return 'a side holds more than one `/`';
  const [hostNamespace, hostName] = host.split('/');
  const [virtualNamespace, virtualName] = virtual.split('/');
  if (host !== '' && hostNamespace !== '' && !isNamespaceName(hostNamespace)) return `${code(hostNamespace)} is no namespace name`;
  if (host !== '' && hostName !== undefined && hostName !== '' && hostName !== '*' && !isDnsSubdomain(hostName)) return `${code(hostName)} is no object name`;
  if (!isNamespaceName(virtualNamespace)) return `${code(virtualNamespace)} is no namespace name`;
  if (virtualName !== undefined && virtualName !== '' && virtualName !== '*' && !isDnsSubdomain(virtualName)) return `${code(virtualName)} is no object name`;
  return undefined;
}

const customResourcesFromHostScope: Rule = {
  id: 'custom-resources-from-host-scope',
  kind: 'refused',
  since: '0.23.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateFromHostSyncCustomResources, validateFromHostMappingEntry)`,
  summary: 'sync.fromHost.customResources scopes and their mappings agree',
  check(context) {
    return entriesOf(context.own('sync.fromHost.customResources')).flatMap(([key, entry]): Violation[] => {
      const scope = text(fieldOf(entry, 'scope'));
      const mappings = fieldOf(fieldOf(entry, 'mappings'), 'byName');
      const at = (...more: string[]): Keys => ['sync', 'fromHost', 'customResources', key, ...more];
      if (scope && scope !== 'Cluster' && scope !== 'Namespaced') return [{at: at('scope'), message: `${code(key)} has scope ${code(scope)}: vCluster ${context.version} takes ${code('Cluster')} or ${code('Namespaced')}, and refuses to start.`}];
      if (nonEmpty(mappings) && scope !== 'Namespaced') return [{at: at('mappings'), message: `${code(key)} maps objects by name, which only namespaced resources can: set its ${code('scope: Namespaced')} or remove the mappings. vCluster ${context.version} refuses to start.`}];
      if (scope === 'Namespaced' && !nonEmpty(mappings)) return [{at: at('scope'), message: `${code(key)} is namespaced, so it needs ${code('mappings.byName')}: which host namespaces (or objects) go to which virtual namespaces. vCluster ${context.version} refuses to start without them.`}];
      if (scope !== 'Namespaced') return [];
      return entriesOf(mappings).flatMap(([host, virtual]): Violation[] => {
        const problem = typeof virtual === 'string' ? mappingEntryProblem(host, virtual) : undefined;
        return problem ? [{at: at('mappings', 'byName', host), message: `The mapping ${code(`${host}: ${String(virtual)}`)} of ${code(key)} is refused by vCluster ${context.version}: ${problem}. Each side is ${code('namespace/name')}, ${code('namespace/*')} or a namespace.`}] : [];
      });
    });
  },
};

const fromHostMappings: Rule = {
  id: 'from-host-mappings',
  kind: 'refused',
  since: '0.23.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateFromHostSyncMappings, validateFromHostMappingEntry)`,
  summary: 'sync.fromHost.configMaps and secrets, when on, map host objects to virtual ones',
  check(context) {
    return (['configMaps', 'secrets'] as const).flatMap((resource): Violation[] => {
      const base = `sync.fromHost.${resource}`;
      if (!isTrue(context.value(`${base}.enabled`))) return [];
      const byName = context.value(`${base}.mappings.byName`);
      if (!nonEmpty(byName)) {
        return [{at: keysOf(`${base}.enabled`), related: [keysOf(`${base}.mappings`)], message: `${code(`${base}.enabled`)} is on with no ${code(`${base}.mappings.byName`)}: vCluster ${context.version} needs to know which host objects to sync, and refuses to start.`}];
      }
      return entriesOf(byName).flatMap(([host, value]): Violation[] => {
        if (typeof value !== 'string') return [];
        const at = keysOf(`${base}.mappings.byName`, host);
        const refuse = (problem: string): Violation[] => [{at, message: `The mapping ${code(`${host}: ${value}`)} is refused by vCluster ${context.version}: ${problem}.`}];
        if (!host.includes('/') && host !== '') return refuse(`the host side is written ${code('namespace/name')}, ${code('namespace/*')}, ${code('/name')} or ${code('""')}`);
        if (!value.includes('/') && host !== '') return refuse(`the virtual side is written ${code('namespace/name')} or ${code('namespace/*')}`);
        if (host.endsWith('/*') && !value.endsWith('/*')) return refuse(`a host side for a whole namespace (${code(host)}) needs a virtual side for a whole namespace (${code('namespace/*')})`);
        const problem = mappingEntryProblem(host, value);
        return problem ? refuse(problem) : [];
      });
    });
  },
};

/** The patch lists of a file: each sync resource's `patches`, and each custom resource's. */
function patchLists(context: RuleContext): Array<{at: Keys; patches: unknown[]}> {
  const lists: Array<{at: Keys; patches: unknown[]}> = [];
  for (const direction of ['toHost', 'fromHost'] as const) {
    for (const [resource, settings] of entriesOf(context.own(`sync.${direction}`))) {
      if (resource === 'customResources') {
        for (const [key, entry] of entriesOf(settings)) lists.push({at: ['sync', direction, 'customResources', key, 'patches'], patches: itemsOf(fieldOf(entry, 'patches'))});
      } else if (isPlainMap(settings)) {
        lists.push({at: ['sync', direction, resource, 'patches'], patches: itemsOf(fieldOf(settings, 'patches'))});
      }
    }
  }
  return lists.filter((list) => list.patches.length);
}

const patchesOneKind: Rule = {
  id: 'patches-one-kind',
  kind: 'refused',
  since: '0.23.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validatePatches, ValidateAllSyncPatches)`,
  summary: 'each sync patch is an expression, labels or a reference: exactly one',
  check(context) {
    return patchLists(context).flatMap(({at, patches}) =>
      patches.flatMap((patch, index): Violation[] => {
        if (!isPlainMap(patch)) return [];
        const kinds = [
          (text(patch.expression) || text(patch.reverseExpression)) && 'an expression',
          patch.labels !== undefined && patch.labels !== null && 'labels',
          patch.reference !== undefined && patch.reference !== null && 'a reference',
        ].filter(Boolean);
        if (kinds.length === 1) return [];
        const what = kinds.length ? `uses ${kinds.join(' and ')}` : 'uses none of them';
        return [{at: [...at, index], message: `Patch ${index + 1} of ${code(formatInstancePath(at))} ${what}: a patch is an expression, labels or a reference, exactly one. vCluster ${context.version} refuses to start.`}];
      }),
    );
  },
};

const patchesUniquePath: Rule = {
  id: 'patches-unique-path',
  kind: 'refused',
  since: '0.25.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validatePatches)`,
  summary: 'no two patches of one list have the same path',
  check(context) {
    return patchLists(context).flatMap(({at, patches}) => {
      const seen = new Map<string, number>();
      return patches.flatMap((patch, index): Violation[] => {
        const path = text(fieldOf(patch, 'path'));
        const first = seen.get(path);
        if (first === undefined) {
          seen.set(path, index);
          return [];
        }
        return [{at: [...at, index], message: `Patch ${index + 1} of ${code(formatInstancePath(at))} has the same path (${path ? code(path) : 'none'}) as patch ${first + 1}: vCluster ${context.version} takes one patch per path, and refuses to start.`}];
      });
    });
  },
};

const genericSyncOrCustomResources: Rule = {
  id: 'generic-sync-or-custom-resources',
  kind: 'refused',
  since: '0.23.0',
  removedIn: '0.28.0',
  source: 'vcluster',
  evidence: VALIDATION,
  summary: 'experimental.genericSync is not used beside sync.*.customResources',
  check(context) {
    if (!nonEmpty(context.own('sync.toHost.customResources')) && !nonEmpty(context.own('sync.fromHost.customResources'))) return [];
    const hooks = context.own('experimental.genericSync.hooks');
    const used = [
      nonEmpty(context.own('experimental.genericSync.export')) && 'experimental.genericSync.export',
      nonEmpty(context.own('experimental.genericSync.import')) && 'experimental.genericSync.import',
      (nonEmpty(fieldOf(hooks, 'hostToVirtual')) || nonEmpty(fieldOf(hooks, 'virtualToHost'))) && 'experimental.genericSync.hooks',
    ].filter((path): path is string => Boolean(path));
    return used.slice(0, 1).map((path) => ({
      at: keysOf(path),
      related: [keysOf('sync.toHost.customResources'), keysOf('sync.fromHost.customResources')],
      message: `${code(path)} cannot be used beside ${code('sync.toHost.customResources')} or ${code('sync.fromHost.customResources')}: vCluster ${context.version} refuses to start. Move the resources to the custom-resource sync (its patches take expressions).`,
    }));
  },
};

const oneDistro: Rule = {
  id: 'one-distro',
  kind: 'refused',
  since: '0.20.0',
  removedIn: '0.33.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateDistro); chart/templates/_distro.tpl (vcluster.distro, fail)`,
  summary: 'one distro is enabled at most',
  check(context) {
    const enabled = ['k3s', 'k0s', 'k8s'].map((distro) => `controlPlane.distro.${distro}.enabled`).filter((path) => isTrue(context.value(path)));
    if (enabled.length < 2) return [];
    return [{at: keysOf(enabled[1]), related: enabled.map((path) => keysOf(path)), message: `${enabled.map(code).join(' and ')} are both on: the chart refuses to install more than one distro, and vCluster ${context.version} refuses to start. Keep one.`}];
  },
};

const k0sKubeConfig: Rule = {
  id: 'k0s-virtual-cluster-kubeconfig',
  kind: 'refused',
  since: '0.20.0',
  removedIn: '0.26.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateK0sAndNoExperimentalKubeconfig)`,
  summary: 'experimental.virtualClusterKubeConfig is not set with k0s',
  check(context) {
    if (distroOf(context) !== 'k0s') return [];
    const set = entriesOf(context.value('experimental.virtualClusterKubeConfig')).filter(([, value]) => text(value) !== '');
    if (!set.length) return [];
    return [{at: keysOf('experimental.virtualClusterKubeConfig', set[0][0]), related: [keysOf('controlPlane.distro.k0s.enabled')], message: `${code('experimental.virtualClusterKubeConfig')} cannot be set with the k0s distro: vCluster ${context.version} refuses to start.`}];
  },
};

/** Why a deny rule is refused (validation.go `validateCheck`), or undefined. */
function denyRuleProblem(rule: unknown): {at: Keys; problem: string} | undefined {
  for (const [index, namespace] of itemsOf(fieldOf(rule, 'namespaces')).entries()) {
    if (typeof namespace === 'string' && !isNamespaceName(namespace)) return {at: ['namespaces', index], problem: `${code(namespace)} is no namespace name`};
  }
  const wildcardAlone = (values: unknown[]): boolean => !(values.length > 1 && values.includes('*'));
  for (const [index, entry] of itemsOf(fieldOf(rule, 'rules')).entries()) {
    // The verbs are written under `operations`.
    const verbs = itemsOf(fieldOf(entry, 'operations'));
    if (!wildcardAlone(verbs)) return {at: ['rules', index, 'operations'], problem: '`*` must be the only verb in `operations` when it is used'};
    const verb = verbs.find((value) => value !== '*' && !['create', 'get', 'update', 'patch', 'delete'].includes(String(value)));
    if (verb !== undefined) return {at: ['rules', index, 'operations'], problem: `${code(String(verb))} is not one of the verbs it takes: create, get, update, patch, delete or \`*\``};
    for (const key of ['apiGroups', 'apiVersions']) {
      if (!wildcardAlone(itemsOf(fieldOf(entry, key)))) return {at: ['rules', index, key], problem: `\`*\` must be the only value of ${code(key)} when it is used`};
    }
    const scope = fieldOf(entry, 'scope');
    if (typeof scope === 'string' && !['Cluster', 'Namespaced', '*'].includes(scope)) return {at: ['rules', index, 'scope'], problem: `scope ${code(scope)} is not ${code('Cluster')}, ${code('Namespaced')} or ${code('*')}`};
  }
  return undefined;
}

const denyProxyRequests: Rule = {
  id: 'deny-proxy-requests',
  kind: 'refused',
  since: '0.20.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateCheck, validateWildcardOrExact, validateWildcardOrAny)`,
  summary: 'experimental.denyProxyRequests rules name valid namespaces, verbs and scopes',
  check(context) {
    return itemsOf(context.own('experimental.denyProxyRequests')).flatMap((rule, index): Violation[] => {
      const found = denyRuleProblem(rule);
      const name = text(fieldOf(rule, 'name'));
      return found ? [{at: keysOf('experimental.denyProxyRequests', index, ...found.at), message: `The deny rule ${name ? code(name) : `number ${index + 1}`} is refused by vCluster ${context.version}: ${found.problem}.`}] : [];
    });
  },
};

/** Why a resolveDNS target is refused (coredns_plugin_validation.go `validateTarget`), or undefined. */
function targetProblem(target: unknown, wildcards: boolean): string | undefined {
  const hostname = text(fieldOf(target, 'hostname'));
  const options = ['hostname', 'ip', 'hostNamespace', 'hostService', 'vClusterService'].filter((key) => text(fieldOf(target, key)) !== '');
  if (wildcards && hostname) {
    const stars = hostname.split('*').length - 1;
    if (stars > 1) return `its target hostname ${code(hostname)} holds more than one \`*\``;
    if (stars === 1 && !hostname.startsWith('*') && !hostname.endsWith('*')) return `the \`*\` of its target hostname ${code(hostname)} is neither first nor last`;
  }
  const hostService = text(fieldOf(target, 'hostService'));
  if (hostService && hostService.split('/').length !== 2) return `its target ${code('hostService')} is written ${code('namespace/name')}`;
  const vClusterService = text(fieldOf(target, 'vClusterService'));
  if (vClusterService && vClusterService.split('/').length !== 4) return `its target ${code('vClusterService')} is written ${code('hostNamespace/vClusterName/vClusterNamespace/vClusterService')}`;
  if (options.length !== 1) return options.length ? `its target sets ${options.map(code).join(' and ')}: one only` : 'its target sets nothing: it needs one of `hostname`, `ip`, `hostNamespace`, `hostService`, `vClusterService`';
  return undefined;
}

/** Why a resolveDNS entry is refused (coredns_plugin_validation.go `validateMappings`), or undefined. */
function mappingProblem(entry: unknown, wildcards: boolean): {at: string[]; problem: string} | undefined {
  const service = text(fieldOf(entry, 'service'));
  const hostname = text(fieldOf(entry, 'hostname'));
  const namespace = text(fieldOf(entry, 'namespace'));
  const target = fieldOf(entry, 'target');
  const targetHostname = text(fieldOf(target, 'hostname'));
  const targetNamespace = text(fieldOf(target, 'hostNamespace'));
  if (service && service.split('/').length !== 2) return {at: ['service'], problem: `${code('service')} is written ${code('namespace/name')}`};
  if (wildcards && hostname) {
    const stars = hostname.split('*').length - 1;
    if (stars > 1) return {at: ['hostname'], problem: `${code(hostname)} holds more than one \`*\``};
    if (stars === 1) {
      if (!targetHostname) return {at: ['hostname'], problem: `a hostname with \`*\` needs a ${code('target.hostname')}`};
      if (targetHostname.split('*').length - 1 !== 1) return {at: ['hostname'], problem: `a hostname with \`*\` needs a ${code('target.hostname')} with one \`*\` too`};
      if (!hostname.startsWith('*') && !hostname.endsWith('*')) return {at: ['hostname'], problem: `the \`*\` of ${code(hostname)} is neither first nor last`};
    }
  }
  if (namespace && !targetNamespace) return {at: ['namespace'], problem: `${code('namespace')} needs ${code('target.hostNamespace')}`};
  if (!namespace && targetNamespace) return {at: ['target', 'hostNamespace'], problem: `${code('target.hostNamespace')} needs ${code('namespace')}`};
  const options = [service, hostname, namespace].filter(Boolean).length;
  if (options !== 1) return {at: [], problem: options ? 'it sets more than one of `service`, `hostname`, `namespace`: one only' : 'it sets none of `service`, `hostname`, `namespace`'};
  const problem = targetProblem(target, wildcards);
  return problem ? {at: ['target'], problem} : undefined;
}

/** A rule on each `networking.resolveDNS` entry; `wildcards` adds the checks on `*` (from 0.21.0), reporting only what the check without them does not find. */
function resolveDnsRule(id: string, since: string, wildcards: boolean, summary: string): Rule {
  return {
    id,
    kind: 'refused',
    since,
    source: 'vcluster',
    evidence: `${VALIDATION}; pkg/config/coredns_plugin_validation.go (validateMappings, validateTarget)`,
    summary,
    check(context) {
      return itemsOf(context.own('networking.resolveDNS')).flatMap((entry, index): Violation[] => {
        if (wildcards && mappingProblem(entry, false)) return [];
        const found = mappingProblem(entry, wildcards);
        return found ? [{at: keysOf('networking.resolveDNS', index, ...found.at), message: `Entry ${index + 1} of ${code('networking.resolveDNS')} is refused by vCluster ${context.version}: ${found.problem}.`}] : [];
      });
    },
  };
}

const resolveDns = resolveDnsRule('resolve-dns-entries', '0.20.0', false, 'each networking.resolveDNS entry sets one source and one target');
const resolveDnsWildcards = resolveDnsRule('resolve-dns-wildcards', '0.21.0', true, 'networking.resolveDNS wildcards are one `*`, first or last, on both sides');

const centralAdmission: Rule = {
  id: 'central-admission-webhooks',
  kind: 'refused',
  since: '0.20.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateCentralAdmissionControl, ParseExtraHooks, validateWebhookClientCfg)`,
  summary: 'each policies.centralAdmission webhook reaches a service or a URL',
  check(context) {
    return (['validatingWebhooks', 'mutatingWebhooks'] as const).flatMap((list) =>
      itemsOf(context.own(`policies.centralAdmission.${list}`)).flatMap((configuration, index) =>
        itemsOf(fieldOf(configuration, 'webhooks')).flatMap((webhook, hook): Violation[] => {
          const client = fieldOf(webhook, 'clientConfig');
          const service = fieldOf(client, 'service');
          const url = fieldOf(client, 'url');
          const name = text(fieldOf(webhook, 'name'));
          const at = keysOf(`policies.centralAdmission.${list}`, index, 'webhooks', hook);
          const refuse = (problem: string): Violation[] => [{at: [...at, 'clientConfig'], message: `The webhook ${name ? code(name) : `number ${hook + 1}`} is refused by vCluster ${context.version}: ${problem}.`}];
          if ((service === undefined || service === null) && (url === undefined || url === null)) return refuse(`its ${code('clientConfig')} names neither a ${code('service')} nor a ${code('url')}`);
          if (service !== undefined && service !== null && (!text(fieldOf(service, 'name')) || !text(fieldOf(service, 'namespace')))) return refuse(`its ${code('clientConfig.service')} needs both a ${code('name')} and a ${code('namespace')}`);
          const caBundle = fieldOf(client, 'caBundle');
          if (typeof caBundle === 'string' && caBundle && !caBundleHasCertificate(caBundle)) return refuse(`its ${code('caBundle')} holds no PEM certificate (it is the base64 of one or more \`-----BEGIN CERTIFICATE-----\` blocks)`);
          return [];
        }),
      ),
    );
  },
};

/** Whether a webhook's caBundle (base64) decodes to text with a PEM certificate block; vCluster's own parse may still refuse a broken one. */
function caBundleHasCertificate(caBundle: string): boolean {
  try {
    return atob(caBundle.replace(/\s+/gu, '')).includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

const exportKubeConfigSecrets: Rule = {
  id: 'export-kubeconfig-secrets',
  kind: 'refused',
  since: '0.24.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateExportKubeConfig); chart/templates/_exportKubeConfig.tpl (vcluster.exportKubeConfig.validate, fail)`,
  summary: 'exportKubeConfig.secret or additionalSecrets, and each additional secret has a name or namespace',
  check(context) {
    const secret = context.own('exportKubeConfig.secret');
    const additional = itemsOf(context.own('exportKubeConfig.additionalSecrets'));
    const violations: Violation[] = [];
    if ((text(fieldOf(secret, 'name')).trim() || text(fieldOf(secret, 'namespace')).trim()) && additional.length) {
      violations.push({at: keysOf('exportKubeConfig.additionalSecrets'), related: [keysOf('exportKubeConfig.secret')], message: `${code('exportKubeConfig.secret')} and ${code('exportKubeConfig.additionalSecrets')} are both set: the chart refuses to install, and vCluster ${context.version} to start. List every Secret under ${code('additionalSecrets')}.`});
    }
    additional.forEach((entry, index) => {
      if (!text(fieldOf(entry, 'name')).trim() && !text(fieldOf(entry, 'namespace')).trim()) {
        violations.push({at: keysOf('exportKubeConfig.additionalSecrets', index), message: `Additional Secret ${index + 1} has neither a ${code('name')} nor a ${code('namespace')}: the chart refuses to install, and vCluster ${context.version} to start.`});
      }
    });
    return violations;
  },
};

const exportKubeConfigServer: Rule = {
  id: 'export-kubeconfig-server-url',
  kind: 'refused',
  since: '0.29.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateExportKubeConfig, validateExportKubeConfigServer)`,
  summary: 'exportKubeConfig.server is an http:// or https:// URL',
  check(context) {
    const server = text(context.own('exportKubeConfig.server'));
    if (!server || /^https?:\/\//u.test(server)) return [];
    return [{at: keysOf('exportKubeConfig.server'), message: `${code(server)} is no URL with ${code('https://')} or ${code('http://')}: vCluster ${context.version} refuses to start.`}];
  },
};

/** The custom resources each integration syncs itself, with the switch that turns that part on (validation.go `validateEnabledIntegrations`). */
const INTEGRATION_RESOURCES: ReadonlyArray<{integration: string; direction: 'toHost' | 'fromHost'; names: readonly string[]; switches: readonly string[]}> = [
  {integration: 'istio', direction: 'toHost', names: ['destinationrules.networking.istio.io'], switches: ['sync.toHost.destinationRules.enabled']},
  {integration: 'istio', direction: 'toHost', names: ['virtualservices.networking.istio.io'], switches: ['sync.toHost.virtualServices.enabled']},
  {integration: 'istio', direction: 'toHost', names: ['gateways.networking.istio.io'], switches: ['sync.toHost.gateways.enabled']},
  {integration: 'certManager', direction: 'toHost', names: ['certificates.cert-manager.io'], switches: ['sync.toHost.certificates.enabled']},
  {integration: 'certManager', direction: 'toHost', names: ['issuers.cert-manager.io'], switches: ['sync.toHost.issuers.enabled']},
  {integration: 'certManager', direction: 'fromHost', names: ['clusterissuers.cert-manager.io'], switches: ['sync.fromHost.clusterIssuers.enabled']},
  // Before 0.29.0 the external-secrets switches were `sync.externalSecrets`, `sync.stores` and `sync.clusterStores`; the release's own is used.
  {integration: 'externalSecrets', direction: 'toHost', names: ['externalsecrets.external-secrets.io'], switches: ['sync.externalSecrets.enabled', 'enabled']},
  {integration: 'externalSecrets', direction: 'toHost', names: ['secretstores.external-secrets.io'], switches: ['sync.stores.enabled', 'sync.toHost.stores.enabled']},
  {integration: 'externalSecrets', direction: 'toHost', names: ['clustersecretstores.external-secrets.io'], switches: ['sync.clusterStores.enabled', 'sync.fromHost.clusterStores.enabled']},
  ...(['datavolumes.cdi.kubevirt.io', 'virtualmachineinstancemigrations.kubevirt.io', 'virtualmachineinstances.kubevirt.io', 'virtualmachines.kubevirt.io', 'virtualmachineclones.clone.kubevirt.io', 'virtualmachinepools.pool.kubevirt.io'] as const).map((name) => {
    const [plural, ...group] = name.split('.');
    const switchName = {datavolumes: 'dataVolumes', virtualmachineinstancemigrations: 'virtualMachineInstanceMigrations', virtualmachineinstances: 'virtualMachineInstances', virtualmachines: 'virtualMachines', virtualmachineclones: 'virtualMachineClones', virtualmachinepools: 'virtualMachinePools'}[plural]!;
    return {integration: 'kubeVirt', direction: 'toHost' as const, names: [name, `${plural}/status.${group.join('.')}`], switches: [`sync.${switchName}.enabled`]};
  }),
];

const integrationsOrCustomResources: Rule = {
  id: 'integrations-or-custom-resources',
  kind: 'refused',
  since: '0.25.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validateEnabledIntegrations and the per-integration checks)`,
  summary: 'a custom resource an enabled integration syncs is not also listed under sync.*.customResources',
  check(context) {
    const violations: Violation[] = [];
    for (const entry of INTEGRATION_RESOURCES) {
      const base = `integrations.${entry.integration}`;
      if (!isTrue(context.value(`${base}.enabled`))) continue;
      const switchPath = entry.switches.map((path) => `${base}.${path}`).find((path) => context.has(path));
      if (!switchPath || !isTrue(context.value(switchPath))) continue;
      for (const [name, settings] of entriesOf(context.own(`sync.${entry.direction}.customResources`))) {
        if (!entry.names.includes(name) || !isTrue(fieldOf(settings, 'enabled'))) continue;
        violations.push({
          at: ['sync', entry.direction, 'customResources', name],
          related: [keysOf(`${base}.enabled`)],
          message: `${code(name)} is synced by the ${code(entry.integration)} integration already: remove it from ${code(`sync.${entry.direction}.customResources`)}. vCluster ${context.version} refuses to start with both.`,
        });
      }
    }
    return violations;
  },
};

const privateNodesFeatures: Rule = {
  id: 'private-nodes-features',
  kind: 'refused',
  since: '0.26.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validatePrivatedNodesMode)`,
  summary: 'controlPlane.endpoint needs private nodes, and private nodes go without the host-bound features',
  check(context) {
    const endpoint = text(context.own('controlPlane.endpoint'));
    if (!isTrue(context.value('privateNodes.enabled'))) {
      return endpoint ? [{at: keysOf('controlPlane.endpoint'), related: [keysOf('privateNodes.enabled')], message: `${code('controlPlane.endpoint')} is only read with private nodes (${code('privateNodes.enabled: true')}): vCluster ${context.version} refuses to start.`}] : [];
    }
    const violations: Violation[] = [];
    if (endpoint && !/^(\[[^\]]*\]|[^:[\]]*):[^:[\]]*$/u.test(endpoint)) {
      violations.push({at: keysOf('controlPlane.endpoint'), message: `${code(endpoint)} is no ${code('host:port')} address: vCluster ${context.version} refuses to start.`});
    }
    const unsupported: Array<[string, string]> = [
      ['integrations.metricsServer.enabled', 'the metrics-server integration'],
      ['integrations.certManager.enabled', 'the cert-manager integration'],
      ['integrations.externalSecrets.enabled', 'the external-secrets integration'],
      ['integrations.istio.enabled', 'the Istio integration'],
      ['integrations.kubeVirt.enabled', 'the KubeVirt integration'],
      ['controlPlane.coredns.embedded', 'embedded CoreDNS'],
      ['controlPlane.hostPathMapper.enabled', 'the host path mapper'],
      ['sync.toHost.namespaces.enabled', 'namespace sync (multi-namespace mode)'],
    ];
    for (const [path, what] of unsupported) {
      if (isTrue(context.value(path))) violations.push({at: keysOf(path), related: [keysOf('privateNodes.enabled')], message: `With private nodes there is no ${what}: vCluster ${context.version} refuses to start with ${code(path)} on.`});
    }
    return violations;
  },
};

const privateNodesIsolatedControlPlane: Rule = {
  id: 'private-nodes-isolated-control-plane',
  kind: 'refused',
  since: '0.26.0',
  removedIn: '0.28.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validatePrivatedNodesMode)`,
  summary: 'private nodes go without an isolated control plane',
  check(context) {
    if (!isTrue(context.value('privateNodes.enabled')) || !isTrue(context.value('experimental.isolatedControlPlane.enabled'))) return [];
    return [{at: keysOf('experimental.isolatedControlPlane.enabled'), related: [keysOf('privateNodes.enabled')], message: `With private nodes there is no isolated control plane: vCluster ${context.version} refuses to start with ${code('experimental.isolatedControlPlane.enabled')} on.`}];
  },
};

const privateNodesK8s: Rule = {
  id: 'private-nodes-k8s-only',
  kind: 'refused',
  since: '0.26.0',
  removedIn: '0.33.0',
  source: 'vcluster',
  evidence: `${VALIDATION} (validatePrivatedNodesMode); config/config.go (Distro)`,
  summary: 'private nodes run the k8s distro',
  check(context) {
    if (!isTrue(context.value('privateNodes.enabled')) || distroOf(context) === 'k8s') return [];
    return [{at: keysOf(`controlPlane.distro.${distroOf(context)}.enabled`), related: [keysOf('privateNodes.enabled')], message: `Private nodes run the k8s distro only: vCluster ${context.version} refuses to start with ${code(distroOf(context))}.`}];
  },
};

export const VCLUSTER_RULES: readonly Rule[] = [
  podSecurityStandard,
  enforceTolerations,
  schedulerNeedsNodes,
  storageClassesOneWay,
  embeddedDatabaseOneReplica,
  priorityClassesOneWay,
  volumeSnapshotsTogether,
  customResourcesToHostScope,
  customResourcesFromHostClusterScope,
  customResourcesFromHostScope,
  fromHostMappings,
  patchesOneKind,
  patchesUniquePath,
  genericSyncOrCustomResources,
  oneDistro,
  k0sKubeConfig,
  denyProxyRequests,
  resolveDns,
  resolveDnsWildcards,
  centralAdmission,
  exportKubeConfigSecrets,
  exportKubeConfigServer,
  integrationsOrCustomResources,
  privateNodesFeatures,
  privateNodesIsolatedControlPlane,
  privateNodesK8s,
];
