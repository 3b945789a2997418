/**
 * The values files of vCluster's per-distro charts before 0.20 (`vcluster`
 * for k3s, `vcluster-k8s`, `vcluster-k0s`, `vcluster-eks`): the keys each
 * accepted, as vCluster's own converter read them strictly
 * (config/legacyconfig/config.go at v0.31.0: LegacyK3s and LegacyK8s), and
 * telling such a file from a vcluster.yaml. Browser-safe.
 */

/** A key's shape: b bool, s text, i integer, sb text or bool, m map, l list, a anything, or the keys of a map. */
export type Shape = 'b' | 's' | 'i' | 'sb' | 'm' | 'l' | 'a' | {[key: string]: Shape};

const enabled: Shape = {enabled: 'b'};
const resources: Shape = {limits: 'm', requests: 'm'};
const storage: Shape = {persistence: 'b', size: 's', className: 's', binariesVolume: 'l'};
const rbacRole: Shape = {create: 'b', extraRules: 'l', excludedApiResources: 'l'};
const rbac: Shape = {clusterRole: {create: 'b', extraRules: 'l'}, role: rbacRole};
const common: Record<string, Shape> = {volumes: 'l', priorityClassName: 's', nodeSelector: 'm', affinity: 'm', tolerations: 'l', podAnnotations: 'm', podLabels: 'm'};
const component: Record<string, Shape> = {extraArgs: 'l', resources, image: 's', imagePullPolicy: 's'};

const sync: Shape = {
  services: enabled,
  configmaps: {enabled: 'b', all: 'b'},
  secrets: {enabled: 'b', all: 'b'},
  endpoints: enabled,
  pods: {enabled: 'b', ephemeralContainers: 'b', status: 'b'},
  events: enabled,
  persistentvolumeclaims: enabled,
  ingresses: enabled,
  ingressclasses: enabled,
  'fake-nodes': enabled,
  'fake-persistentvolumes': enabled,
  nodes: {enabled: 'b', fakeKubeletIPs: 'b', syncAllNodes: 'b', nodeSelector: 's', enableScheduler: 'b', syncNodeChanges: 'b'},
  persistentvolumes: enabled,
  storageclasses: enabled,
  hoststorageclasses: enabled,
  priorityclasses: enabled,
  networkpolicies: enabled,
  volumesnapshots: enabled,
  poddisruptionbudgets: enabled,
  serviceaccounts: enabled,
  csistoragecapacities: enabled,
  csinodes: enabled,
  csidrivers: enabled,
  generic: {...(rbac as Record<string, Shape>), config: 's'},
};

const base: Record<string, Shape> = {
  globalAnnotations: 'm',
  pro: 'b',
  proLicenseSecret: 's',
  headless: 'b',
  defaultImageRegistry: 's',
  plugin: 'm',
  sync,
  fallbackHostDns: 'b',
  mapServices: {fromVirtual: 'l', fromHost: 'l'},
  proxy: {metricsServer: {nodes: enabled, pods: enabled}},
  volumes: 'l',
  serviceAccount: {create: 'b', name: 's', imagePullSecrets: 'l'},
  workloadServiceAccount: {annotations: 'm'},
  rbac,
  nodeSelector: 'm',
  affinity: 'm',
  priorityClassName: 's',
  tolerations: 'l',
  labels: 'm',
  podLabels: 'm',
  annotations: 'm',
  podAnnotations: 'm',
  podDisruptionBudget: {enabled: 'b', minAvailable: 'a', maxUnavailable: 'a'},
  service: {type: 's', externalIPs: 'l', externalTrafficPolicy: 's', loadBalancerIP: 's', loadBalancerSourceRanges: 'l', loadBalancerClass: 's', loadBalancerAnnotations: 'm'},
  ingress: {enabled: 'b', pathType: 's', ingressClassName: 's', host: 's', annotations: 'm', tls: 'l'},
  securityContext: 'm',
  podSecurityContext: 'm',
  openshift: {enable: 'b'},
  coredns: {
    enabled: 'b',
    integrated: 'b',
    fallback: 's',
    plugin: {enabled: 'b', config: 'l'},
    replicas: 'i',
    nodeSelector: 'm',
    image: 's',
    config: 's',
    service: {type: 's', externalIPs: 'l', externalTrafficPolicy: 's', annotations: 'm'},
    resources,
    manifests: 's',
    podAnnotations: 'm',
    podLabels: 'm',
  },
  isolation: {
    enabled: 'b',
    namespace: 's',
    podSecurityStandard: 's',
    nodeProxyPermission: enabled,
    resourceQuota: {enabled: 'b', quota: 'm', scopeSelector: 'm', scopes: 'l'},
    limitRange: {enabled: 'b', default: 'm', defaultRequest: 'm'},
    networkPolicy: {enabled: 'b', outgoingConnections: {ipBlock: {cidr: 's', except: 'l'}, platform: 'b'}},
  },
  init: {manifests: 's', manifestsTemplate: 's', helm: 'l'},
  multiNamespaceMode: enabled,
  telemetry: {disabled: 'sb', instanceCreator: 's', platformUserID: 's', platformInstanceID: 's', machineID: 's'},
  serviceCIDR: 's',
  noopSyncer: {enabled: 'b', synck8sService: 'b', secret: {serverCaCert: 's', serverCaKey: 's', clientCaCert: 's', requestHeaderCaCert: 's', kubeConfig: 's'}},
  monitoring: {serviceMonitor: enabled},
  centralAdmission: {validatingWebhooks: 'l', mutatingWebhooks: 'l'},
};

const syncer: Record<string, Shape> = {
  image: 's',
  imagePullPolicy: 's',
  extraArgs: 'l',
  env: 'l',
  livenessProbe: enabled,
  readinessProbe: enabled,
  volumeMounts: 'l',
  extraVolumeMounts: 'l',
  resources,
  kubeConfigContextName: 's',
  serviceAnnotations: 'm',
  replicas: 'i',
  storage,
  labels: 'm',
  annotations: 'm',
};

/** The k3s chart's values (`vcluster`; k0s's `vcluster-k0s` had the same keys). */
export const LEGACY_K3S: Record<string, Shape> = {
  ...base,
  autoDeletePersistentVolumeClaims: 'b',
  k3sToken: 's',
  vcluster: {image: 's', imagePullPolicy: 's', command: 'l', baseArgs: 'l', extraArgs: 'l', extraVolumeMounts: 'l', volumeMounts: 'l', env: 'l', resources: 'm', priorityClassName: 's'},
  embeddedEtcd: {enabled: 'b', migrateFromEtcd: 'b'},
  syncer,
  storage,
};

/** The k8s and eks charts' values (`vcluster-k8s`, `vcluster-eks`). */
export const LEGACY_K8S: Record<string, Shape> = {
  ...base,
  syncer: {...syncer, ...common, securityContext: 'm', podSecurityContext: 'm'},
  api: component,
  controller: component,
  scheduler: {...component, disabled: 'b'},
  etcd: {
    disabled: 'b',
    ...common,
    ...component,
    securityContext: 'm',
    serviceAnnotations: 'm',
    autoDeletePersistentVolumeClaims: 'b',
    replicas: 'i',
    labels: 'm',
    annotations: 'm',
    storage,
  },
  embeddedEtcd: {enabled: 'b', migrateFromEtcd: 'b'},
  storage,
};

export const LEGACY_DISTROS = ['k3s', 'k8s', 'eks', 'k0s'] as const;
export type LegacyDistro = (typeof LEGACY_DISTROS)[number];

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The keys of `data` the shape does not accept, and values of the wrong kind, as vCluster's strict parse would refuse them. */
export function strictProblems(data: unknown, shape: Record<string, Shape>, prefix = ''): string[] {
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) return [`${prefix || 'the file'} must be a map, not ${kindOf(data)}`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const expected = shape[key];
    if (expected === undefined) {
      problems.push(`\`${path}\` is not a key of the chart's values`);
      continue;
    }
    if (value === null || expected === 'a') continue;
    if (typeof expected === 'object') problems.push(...strictProblems(value, expected, path));
    else {
      const fits =
        (expected === 'b' && typeof value === 'boolean') ||
        (expected === 's' && typeof value === 'string') ||
        (expected === 'sb' && (typeof value === 'string' || typeof value === 'boolean')) ||
        (expected === 'i' && Number.isInteger(value)) ||
        (expected === 'm' && typeof value === 'object' && !Array.isArray(value)) ||
        (expected === 'l' && Array.isArray(value));
      if (!fits) problems.push(`\`${path}\` is ${kindOf(value)}, where the chart's values take ${{b: 'true or false', s: 'text', sb: 'text or true/false', i: 'a whole number', m: 'a map', l: 'a list'}[expected]}`);
    }
  }
  return problems;
}

/** Top-level keys both the charts before 0.20 and vcluster.yaml have (with other keys below them, for some): they mark neither. */
export const SHARED_TOP_LEVEL: ReadonlySet<string> = new Set(['sync', 'plugin', 'telemetry', 'serviceCIDR', 'pro', 'rbac']);

/** Top-level keys only the charts before 0.20 had: one of them marks a values file of those charts. */
export function legacyOnlyKeys(topLevel: readonly string[], newTopLevel: ReadonlySet<string>): string[] {
  const legacy = new Set([...Object.keys(LEGACY_K3S), ...Object.keys(LEGACY_K8S)]);
  return topLevel.filter((key) => legacy.has(key) && !newTopLevel.has(key));
}

/** The `sync` keys of the charts before 0.20 (`sync.services`, `sync.nodes`…), which vcluster.yaml writes under `sync.toHost` and `sync.fromHost`. */
export function legacySyncKeys(data: unknown): string[] {
  const value = (data as {sync?: unknown} | null)?.sync;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).filter((key) => key in (sync as Record<string, Shape>) && key !== 'toHost' && key !== 'fromHost').map((key) => `sync.${key}`);
}

const legacySync: Record<string, string> = {
  services: 'sync.toHost.services',
  configmaps: 'sync.toHost.configMaps',
  secrets: 'sync.toHost.secrets',
  endpoints: 'sync.toHost.endpoints',
  pods: 'sync.toHost.pods',
  events: 'sync.fromHost.events',
  persistentvolumeclaims: 'sync.toHost.persistentVolumeClaims',
  ingresses: 'sync.toHost.ingresses',
  ingressclasses: 'sync.fromHost.ingressClasses',
  nodes: 'sync.fromHost.nodes',
  persistentvolumes: 'sync.toHost.persistentVolumes',
  storageclasses: 'sync.toHost.storageClasses',
  hoststorageclasses: 'sync.fromHost.storageClasses',
  priorityclasses: 'sync.toHost.priorityClasses',
  networkpolicies: 'sync.toHost.networkPolicies',
  volumesnapshots: 'sync.toHost.volumeSnapshots',
  poddisruptionbudgets: 'sync.toHost.podDisruptionBudgets',
  serviceaccounts: 'sync.toHost.serviceAccounts',
  csinodes: 'sync.fromHost.csiNodes',
  csistoragecapacities: 'sync.fromHost.csiStorageCapacities',
  csidrivers: 'sync.fromHost.csiDrivers',
};

/**
 * Where the converter (convert.ts) puts the main keys of the charts before
 * 0.20, as keys of the release it converts to: the old names search knows
 * (moves/aliases.ts carries them on to later releases).
 */
export const LEGACY_ALIASES: Readonly<Record<string, string>> = {
  syncer: 'controlPlane.statefulSet',
  'syncer.image': 'controlPlane.statefulSet.image',
  'syncer.resources': 'controlPlane.statefulSet.resources',
  'syncer.replicas': 'controlPlane.statefulSet.highAvailability.replicas',
  'syncer.storage': 'controlPlane.statefulSet.persistence.volumeClaim',
  'syncer.env': 'controlPlane.statefulSet.env',
  vcluster: 'controlPlane.distro.k3s',
  'vcluster.image': 'controlPlane.distro.k3s.image',
  'vcluster.env': 'controlPlane.distro.k3s.env',
  'vcluster.extraArgs': 'controlPlane.distro.k3s.extraArgs',
  'vcluster.resources': 'controlPlane.distro.k3s.resources',
  k3sToken: 'controlPlane.distro.k3s.token',
  api: 'controlPlane.distro.k8s.apiServer',
  controller: 'controlPlane.distro.k8s.controllerManager',
  scheduler: 'controlPlane.distro.k8s.scheduler',
  etcd: 'controlPlane.backingStore.etcd.deploy',
  'etcd.replicas': 'controlPlane.backingStore.etcd.deploy.statefulSet.highAvailability.replicas',
  embeddedEtcd: 'controlPlane.backingStore.etcd.embedded',
  storage: 'controlPlane.statefulSet.persistence.volumeClaim',
  autoDeletePersistentVolumeClaims: 'controlPlane.statefulSet.persistence.volumeClaim.retentionPolicy',
  isolation: 'policies',
  'isolation.podSecurityStandard': 'policies.podSecurityStandard',
  'isolation.resourceQuota': 'policies.resourceQuota',
  'isolation.limitRange': 'policies.limitRange',
  'isolation.networkPolicy': 'policies.networkPolicy',
  'proxy.metricsServer': 'integrations.metricsServer',
  coredns: 'controlPlane.coredns',
  'coredns.integrated': 'controlPlane.coredns.embedded',
  ingress: 'controlPlane.ingress',
  service: 'controlPlane.service',
  mapServices: 'networking.replicateServices',
  'mapServices.fromVirtual': 'networking.replicateServices.toHost',
  'mapServices.fromHost': 'networking.replicateServices.fromHost',
  init: 'experimental.deploy.vcluster',
  multiNamespaceMode: 'experimental.multiNamespaceMode',
  'monitoring.serviceMonitor': 'controlPlane.serviceMonitor',
  centralAdmission: 'policies.centralAdmission',
  globalAnnotations: 'controlPlane.advanced.globalMetadata.annotations',
  defaultImageRegistry: 'controlPlane.advanced.defaultImageRegistry',
  fallbackHostDns: 'networking.advanced.fallbackHostCluster',
  serviceAccount: 'controlPlane.advanced.serviceAccount',
  workloadServiceAccount: 'controlPlane.advanced.workloadServiceAccount',
  proLicenseSecret: 'external.platform.apiKey.secretName',
  tolerations: 'controlPlane.statefulSet.scheduling.tolerations',
  nodeSelector: 'controlPlane.statefulSet.scheduling.nodeSelector',
  affinity: 'controlPlane.statefulSet.scheduling.affinity',
  priorityClassName: 'controlPlane.statefulSet.scheduling.priorityClassName',
  podLabels: 'controlPlane.statefulSet.pods.labels',
  podAnnotations: 'controlPlane.statefulSet.pods.annotations',
  'telemetry.disabled': 'telemetry.enabled',
  ...Object.fromEntries(Object.entries(legacySync).map(([key, target]) => [`sync.${key}`, target])),
};
