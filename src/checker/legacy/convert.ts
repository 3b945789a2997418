/**
 * Converts a values file of the charts before 0.20 into a vcluster.yaml, as
 * `vcluster convert config --distro D` did until it was removed in 0.32: a
 * port of config/legacyconfig/migrate.go at v0.31.0, writing the keys of
 * 0.20.0 (the first release of vcluster.yaml) where 0.31.0 wrote keys that
 * 0.20.0 does not have yet, so that the curated moves carry the file on
 * from there. As the command did, it fills the release's default values,
 * applies the old file to them and keeps what differs from the defaults
 * (config/diff.go). Browser-safe.
 */
import {parsePath} from '../../reference/configPath';
import type {Releases} from '../../reference/releases';
import {parseImageRef} from '../moves/transforms';
import {isPlainMap} from '../moves/types';
import {LEGACY_K3S, LEGACY_K8S, strictProblems, type LegacyDistro} from './legacyValues';

/** The release a converted file is written for: the first with vcluster.yaml. */
export const CONVERTED_RELEASE = '0.20.0';

export interface Conversion {
  distro: LegacyDistro;
  release: string;
  /** The vcluster.yaml: what differs from the release's defaults. */
  config: Record<string, unknown>;
  /** Keys the converter refused (it stopped on them), in words. */
  errors: string[];
  /** Keys it accepted and did not carry over, as the command did not. */
  ignored: string[];
}

type Tree = Record<string, unknown>;

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function getIn(tree: unknown, path: string): unknown {
  let value = tree;
  for (const key of path.split('.')) value = isPlainMap(value) ? value[key] : undefined;
  return value;
}

function setIn(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainMap(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = clone(value);
}

/** A non-empty map or list, as Go's `len(x) > 0`. */
const hasItems = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : isPlainMap(value) && Object.keys(value).length > 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Go's mergeMaps: the keys of both, the second winning; undefined when both are. */
function mergeMaps(from: unknown, to: unknown): Tree | undefined {
  if (!isPlainMap(from) && !isPlainMap(to)) return undefined;
  return {...(isPlainMap(from) ? from : {}), ...(isPlainMap(to) ? to : {})};
}

function mergeResources(from: unknown, to: unknown): Tree {
  const [a, b] = [isPlainMap(from) ? from : {}, isPlainMap(to) ? to : {}];
  const limits = mergeMaps(a.limits, b.limits);
  const requests = mergeMaps(a.requests, b.requests);
  return {...(limits ? {limits} : {}), ...(requests ? {requests} : {})};
}

/** `k=v,k2=v2` into a map (Go's mergeIntoMap). */
function mergeIntoMap(into: unknown, entries: string[]): Tree {
  const map: Tree = isPlainMap(into) ? {...into} : {};
  for (const entry of entries) {
    const at = entry.trim().indexOf('=');
    if (at > 0) map[entry.trim().slice(0, at)] = entry.trim().slice(at + 1);
  }
  return map;
}

const image = (ref: string): Tree => {
  const parsed = parseImageRef(ref);
  return {...(parsed.registry ? {registry: parsed.registry} : {}), repository: parsed.repository, ...(parsed.tag ? {tag: parsed.tag} : {})};
};

/** The default values of a release as one tree, from each field's default in the release data. */
export function defaultsOf(line: Releases, release: string): {tree: Tree; types: Map<string, string>; containers: Set<string>} {
  const tree: Tree = {};
  const types = new Map<string, string>();
  const containers = new Set<string>();
  for (const field of line.fieldsOf(release)) {
    const segments = parsePath(field.path);
    if (segments.some((segment) => segment.kind !== 'property')) continue;
    types.set(field.path, field.type);
    const parent = field.path.includes('.') ? field.path.slice(0, field.path.lastIndexOf('.')) : '';
    containers.add(parent);
    if (field.default !== undefined) setIn(tree, field.path, field.default);
  }
  return {tree, types, containers};
}

/**
 * Go's JSON with `omitempty`: the zero values of a struct's fields vanish
 * (false, "", 0, null, empty maps and lists), except a text-or-bool field
 * (StrBool) holding false; inside a free-form value everything stays.
 */
function normalize(value: unknown, path: string, schema: {types: Map<string, string>; containers: Set<string>}): unknown {
  if (isPlainMap(value) && schema.containers.has(path)) {
    const out: Tree = {};
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const normal = normalize(child, childPath, schema);
      const type = schema.types.get(childPath) ?? '';
      const strBool = /string/u.test(type) && /boolean/u.test(type);
      const zero = normal === undefined || normal === null || normal === '' || normal === 0 || (normal === false && !strBool) || (Array.isArray(normal) && !normal.length) || (isPlainMap(normal) && !Object.keys(normal).length);
      if (!zero) out[key] = normal;
    }
    return out;
  }
  if ((Array.isArray(value) && !value.length) || (isPlainMap(value) && !Object.keys(value).length)) return undefined;
  return value;
}

/** config/diff.go: what `to` sets differently from `from`; a map or list `to` lacks cannot be written, so it is not. */
function diff(from: unknown, to: unknown): unknown {
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  if (!isPlainMap(from) || !isPlainMap(to)) return prune(to);
  const out: Tree = {};
  for (const [key, before] of Object.entries(from)) {
    if (!(key in to)) {
      if (typeof before === 'boolean') out[key] = false;
      else if (typeof before === 'string') out[key] = '';
      else if (typeof before === 'number') out[key] = 0;
    } else if (JSON.stringify(before) !== JSON.stringify(to[key])) out[key] = isPlainMap(before) ? diff(before, to[key]) : to[key];
  }
  for (const [key, after] of Object.entries(to)) if (!(key in from)) out[key] = after;
  return prune(out);
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (!isPlainMap(value)) return value;
  const out: Tree = {};
  for (const [key, child] of Object.entries(value)) {
    const pruned = prune(child);
    // A null written as such stays (`quota: {count/pods: null}`); an empty map does not.
    if (pruned === undefined || (pruned === null && child !== null)) continue;
    out[key] = pruned;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The syncer flags `convertSyncerExtraArgs` reads, one by one (migrateFlag at v0.31.0, 0.20.0 keys). */
function migrateFlags(distro: LegacyDistro, extraArgs: unknown, set: (path: string, value: unknown) => void, get: (path: string) => unknown, errors: string[]): void {
  const args = Array.isArray(extraArgs) ? extraArgs.map(String) : [];
  const kubeConfig: Record<string, string> = {};
  const fail = (flag: string, why: string) => errors.push(`the syncer flag \`--${flag}\`: ${why}`);
  const required = (flag: string, value: string): boolean => {
    if (value === '') fail(flag, 'its value is missing');
    return value !== '';
  };
  const on = (value: string) => value === '' || value === 'true';
  for (let i = 0; i < args.length; ) {
    if (!args[i].startsWith('--')) {
      errors.push(`the syncer argument \`${args[i]}\` is not a flag`);
      return;
    }
    let flag = args[i].slice(2);
    let value = '';
    i++;
    if (flag.includes('=')) [flag, value] = [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)];
    else if (i < args.length && !args[i].startsWith('--')) value = args[i++];
    switch (flag) {
      case 'kube-config-context-name':
      case 'out-kube-config-server':
      case 'out-kube-config-secret':
      case 'out-kube-config-secret-namespace':
        kubeConfig[flag] = value;
        break;
      case 'pro-license-secret':
        fail(flag, 'not used directly: set `proLicenseSecret`');
        break;
      case 'remote-kube-config':
      case 'remote-namespace':
      case 'remote-service-name':
      case 'disable-plugins':
      case 'plugin-listen-address':
        fail(flag, 'no longer supported');
        break;
      case 'integrated-coredns':
      case 'use-coredns-plugin':
      case 'noop-syncer':
      case 'sync-k8s-service':
      case 'etcd-embedded':
      case 'migrate-from':
      case 'etcd-replicas':
      case 'enforce-validating-hook':
      case 'enforce-mutating-hook':
      case 'leader-elect':
      case 'plugins':
      case 'map-virtual-service':
      case 'map-host-service':
        fail(flag, 'not used directly: set the chart value that stands for it');
        break;
      case 'sync':
        fail(flag, 'not used directly: set the `sync.*.enabled` values');
        break;
      case 'default-image-registry':
        fail(flag, 'not used directly: set `defaultImageRegistry`');
        break;
      case 'enforce-pod-security-standard':
        fail(flag, 'not used directly: set `isolation.podSecurityStandard`');
        break;
      case 'request-header-ca-cert':
      case 'client-ca-cert':
      case 'server-ca-cert':
      case 'server-ca-key':
      case 'kube-config': {
        const key = {'request-header-ca-cert': 'requestHeaderCACert', 'client-ca-cert': 'clientCACert', 'server-ca-cert': 'serverCACert', 'server-ca-key': 'serverCAKey', 'kube-config': 'kubeConfig'}[flag];
        if (required(flag, value)) set(`experimental.virtualClusterKubeConfig.${key}`, value);
        break;
      }
      case 'tls-san':
        if (required(flag, value)) set('controlPlane.proxy.extraSANs', [...((get('controlPlane.proxy.extraSANs') as string[] | undefined) ?? []), ...value.split(',')]);
        break;
      case 'target-namespace':
        fail(flag, 'no longer supported: the vCluster runs in the namespace of its workloads');
        break;
      case 'service-name':
        fail(flag, 'no longer supported: the Service takes the vCluster name');
        break;
      case 'name':
        fail(flag, 'no longer supported: the name is the Helm release name');
        break;
      case 'port':
        fail(flag, 'no longer supported: the port is 8443');
        break;
      case 'set-owner':
        if (value === 'false') set('experimental.syncSettings.setOwner', false);
        break;
      case 'bind-address':
        if (required(flag, value)) set('controlPlane.proxy.bindAddress', value);
        break;
      case 'sync-all-nodes':
        if (on(value)) set('sync.fromHost.nodes.selector.all', true);
        else if (value === 'false') set('sync.fromHost.nodes.selector.all', false);
        break;
      case 'enable-scheduler':
        if (on(value)) set('controlPlane.advanced.virtualScheduler.enabled', true);
        else if (value === 'false') set('controlPlane.advanced.virtualScheduler.enabled', false);
        break;
      case 'disable-fake-kubelets':
        if (on(value)) {
          set('networking.advanced.proxyKubelets.byHostname', false);
          set('networking.advanced.proxyKubelets.byIP', false);
        }
        break;
      case 'fake-kubelet-ips':
        if (on(value)) set('networking.advanced.proxyKubelets.byIP', true);
        else if (value === 'false') set('networking.advanced.proxyKubelets.byIP', false);
        break;
      case 'node-clear-image-status':
        if (on(value)) set('sync.fromHost.nodes.clearImageStatus', true);
        else if (value === 'false') set('sync.fromHost.nodes.clearImageStatus', false);
        break;
      case 'translate-image':
        if (required(flag, value)) set('sync.toHost.pods.translateImage', mergeIntoMap(get('sync.toHost.pods.translateImage'), value.split(',')));
        break;
      case 'enforce-node-selector':
        if (value === 'false') fail(flag, 'no longer supported: the node selector is always enforced');
        break;
      case 'enforce-toleration':
        if (required(flag, value)) set('sync.toHost.pods.enforceTolerations', [...((get('sync.toHost.pods.enforceTolerations') as string[] | undefined) ?? []), ...value.split(',')]);
        break;
      case 'node-selector':
        if (required(flag, value)) {
          set('sync.fromHost.nodes.enabled', true);
          set('sync.fromHost.nodes.selector.labels', mergeIntoMap(get('sync.fromHost.nodes.selector.labels'), value.split(',')));
        }
        break;
      case 'service-account':
        if (required(flag, value)) {
          set('controlPlane.advanced.workloadServiceAccount.enabled', false);
          set('controlPlane.advanced.workloadServiceAccount.name', value);
        }
        break;
      case 'override-hosts':
        if (on(value)) set('sync.toHost.pods.rewriteHosts.enabled', true);
        else if (value === 'false') set('sync.toHost.pods.rewriteHosts.enabled', false);
        break;
      case 'override-hosts-container-image':
        // 0.20.0 takes the image as one string; 0.27.0 splits it (the move rewriteHostsImage).
        if (required(flag, value)) set('sync.toHost.pods.rewriteHosts.initContainer.image', value);
        break;
      case 'cluster-domain':
        if (required(flag, value)) set('networking.advanced.clusterDomain', value);
        break;
      case 'lease-duration':
      case 'renew-deadline':
      case 'retry-period': {
        if (!required(flag, value)) break;
        if (!/^[+-]?\d+$/u.test(value)) fail(flag, `${JSON.stringify(value)} is not a whole number`);
        else set(`controlPlane.statefulSet.highAvailability.${{'lease-duration': 'leaseDuration', 'renew-deadline': 'renewDeadline', 'retry-period': 'retryPeriod'}[flag]}`, Number(value));
        break;
      }
      case 'host-metrics-bind-address':
        if (required(flag, value)) set('experimental.syncSettings.hostMetricsBindAddress', value);
        break;
      case 'virtual-metrics-bind-address':
        if (required(flag, value)) set('experimental.syncSettings.virtualMetricsBindAddress', value);
        break;
      case 'mount-physical-host-paths':
      case 'rewrite-host-paths':
        if (on(value)) set('controlPlane.hostPathMapper.enabled', true);
        break;
      case 'multi-namespace-mode':
        if (on(value)) set('experimental.multiNamespaceMode.enabled', true);
        break;
      case 'namespace-labels':
        if (required(flag, value)) set('experimental.multiNamespaceMode.namespaceLabels', mergeIntoMap(get('experimental.multiNamespaceMode.namespaceLabels'), value.split(',')));
        break;
      case 'sync-all-configmaps':
        if (on(value)) set('sync.toHost.configMaps.all', true);
        break;
      case 'sync-all-secrets':
        if (on(value)) set('sync.toHost.secrets.all', true);
        break;
      case 'proxy-metrics-server':
        if (on(value)) {
          set('integrations.metricsServer.enabled', true);
          set('integrations.metricsServer.pods', true);
          set('integrations.metricsServer.nodes', true);
        }
        break;
      case 'service-account-token-secrets':
        if (on(value)) set('sync.toHost.pods.useSecretsForSATokens', true);
        break;
      case 'sync-node-changes':
        if (on(value)) set('sync.fromHost.nodes.syncBackChanges', true);
        break;
      default:
        fail(flag, 'no such flag');
    }
  }
  // The kubeconfig flags together: the context and server always, the secret (0.20.0's exportKubeConfig.secret) when named.
  for (const [flag, value] of Object.entries(kubeConfig)) if (value === '') fail(flag, 'its value is missing');
  if (kubeConfig['out-kube-config-secret']) set('exportKubeConfig.secret.name', kubeConfig['out-kube-config-secret']);
  if (kubeConfig['out-kube-config-secret-namespace']) set('exportKubeConfig.secret.namespace', kubeConfig['out-kube-config-secret-namespace']);
  if (kubeConfig['kube-config-context-name']) set('exportKubeConfig.context', kubeConfig['kube-config-context-name']);
  if (kubeConfig['out-kube-config-server']) set('exportKubeConfig.server', kubeConfig['out-kube-config-server']);
  void distro;
}

/** Converts a parsed values file of the charts before 0.20 for the distro the reader names. */
export function convertLegacy(old: unknown, distro: LegacyDistro, line: Releases, release = CONVERTED_RELEASE): Conversion {
  const conversion: Conversion = {distro, release, config: {}, errors: [], ignored: []};
  const k8sLike = distro === 'k8s' || distro === 'eks';
  const problems = strictProblems(old, k8sLike ? LEGACY_K8S : LEGACY_K3S);
  if (problems.length) {
    conversion.errors.push(...problems.map((problem) => `${problem} (the ${distro} chart's values before 0.20)`));
    return conversion;
  }
  const defaults = defaultsOf(line, release);
  const cfg = clone(defaults.tree);
  const o = (path: string): unknown => getIn(old, path);
  const get = (path: string): unknown => getIn(cfg, path);
  const set = (path: string, value: unknown): void => setIn(cfg, path, value);
  const errors = conversion.errors;
  const ignore = (path: string) => {
    if (o(path) !== undefined && o(path) !== null) conversion.ignored.push(path);
  };

  const applyStorage = (prefix: string) => {
    if (typeof o(`${prefix}.persistence`) === 'boolean') set('controlPlane.statefulSet.persistence.volumeClaim.enabled', o(`${prefix}.persistence`));
    if (text(o(`${prefix}.size`))) set('controlPlane.statefulSet.persistence.volumeClaim.size', o(`${prefix}.size`));
    if (text(o(`${prefix}.className`))) set('controlPlane.statefulSet.persistence.volumeClaim.storageClass', o(`${prefix}.className`));
    if (o(`${prefix}.binariesVolume`) !== undefined && o(`${prefix}.binariesVolume`) !== null) set('controlPlane.statefulSet.persistence.binariesVolume', o(`${prefix}.binariesVolume`));
  };

  const convertSyncer = () => {
    const s = 'controlPlane.statefulSet';
    if (text(o('syncer.image'))) set(`${s}.image`, image(text(o('syncer.image'))));
    if (text(o('syncer.imagePullPolicy'))) set(`${s}.imagePullPolicy`, o('syncer.imagePullPolicy'));
    set(`${s}.env`, [...((get(`${s}.env`) as unknown[] | undefined) ?? []), ...((o('syncer.env') as unknown[] | undefined) ?? [])]);
    if (typeof o('syncer.livenessProbe.enabled') === 'boolean') set(`${s}.probes.livenessProbe.enabled`, o('syncer.livenessProbe.enabled'));
    if (typeof o('syncer.readinessProbe.enabled') === 'boolean') {
      set(`${s}.probes.startupProbe.enabled`, o('syncer.readinessProbe.enabled'));
      set(`${s}.probes.readinessProbe.enabled`, o('syncer.readinessProbe.enabled'));
    }
    set(`${s}.persistence.addVolumeMounts`, [...((get(`${s}.persistence.addVolumeMounts`) as unknown[] | undefined) ?? []), ...((o('syncer.extraVolumeMounts') as unknown[] | undefined) ?? [])]);
    if (hasItems(o('syncer.volumeMounts'))) errors.push('`syncer.volumeMounts` is no longer allowed: remove it, or use `syncer.extraVolumeMounts`');
    if (hasItems(o('syncer.resources.limits')) || hasItems(o('syncer.resources.requests'))) set(`${s}.resources`, mergeResources(get(`${s}.resources`), o('syncer.resources')));
    set('controlPlane.service.annotations', o('syncer.serviceAnnotations'));
    if (typeof o('syncer.replicas') === 'number' && (o('syncer.replicas') as number) > 0) set(`${s}.highAvailability.replicas`, o('syncer.replicas'));
    if (text(o('syncer.kubeConfigContextName'))) set('exportKubeConfig.context', o('syncer.kubeConfigContextName'));
    applyStorage('syncer.storage');
    if (hasItems(o('syncer.annotations'))) set(`${s}.annotations`, o('syncer.annotations'));
    if (hasItems(o('syncer.labels'))) set(`${s}.labels`, o('syncer.labels'));
    migrateFlags(distro, o('syncer.extraArgs'), set, get, errors);
  };

  const convertEmbeddedEtcd = () => {
    if (o('embeddedEtcd.enabled') === true) {
      set('controlPlane.backingStore.etcd.embedded.enabled', true);
      set('controlPlane.backingStore.etcd.deploy.enabled', false);
      set('controlPlane.backingStore.database.embedded.enabled', false);
      set('controlPlane.backingStore.database.external.enabled', false);
    }
    if (o('embeddedEtcd.migrateFromEtcd') === true) set('controlPlane.backingStore.etcd.embedded.migrateFromDeployedEtcd', true);
  };

  if (k8sLike) {
    const k8s = 'controlPlane.distro.k8s';
    set(`${k8s}.enabled`, true);
    // 0.20.0 runs each component from its own image; 0.25.0 merges them (the move k8sComponentImages).
    for (const [legacy, component] of [['api', 'apiServer'], ['controller', 'controllerManager'], ['scheduler', 'scheduler']] as const) {
      if (!text(o(`${legacy}.image`))) continue;
      if (text(o(`${legacy}.imagePullPolicy`))) set(`${k8s}.${component}.imagePullPolicy`, o(`${legacy}.imagePullPolicy`));
      set(`${k8s}.${component}.image`, image(text(o(`${legacy}.image`))));
    }
    set(`${k8s}.apiServer.extraArgs`, o('api.extraArgs'));
    set(`${k8s}.controllerManager.extraArgs`, o('controller.extraArgs'));
    // 0.20.0 has one virtual scheduler switch for every distro; 0.26.0 gives k8s its own (the move virtualScheduler).
    if (typeof o('sync.nodes.enableScheduler') === 'boolean') set('controlPlane.advanced.virtualScheduler.enabled', o('sync.nodes.enableScheduler'));
    set(`${k8s}.scheduler.extraArgs`, o('scheduler.extraArgs'));
    for (const path of ['api.resources', 'controller.resources', 'scheduler.resources', 'scheduler.disabled', 'etcd.storage.binariesVolume']) ignore(path);
    if (!text(o('api.image'))) ignore('api.imagePullPolicy');

    const etcd = 'controlPlane.backingStore.etcd.deploy';
    if (o('etcd.disabled') === true) {
      set(`${etcd}.statefulSet.enabled`, false);
      set(`${etcd}.service.enabled`, false);
    }
    if (text(o('etcd.imagePullPolicy'))) set(`${etcd}.statefulSet.imagePullPolicy`, o('etcd.imagePullPolicy'));
    if (text(o('etcd.image'))) set(`${etcd}.statefulSet.image`, image(text(o('etcd.image'))));
    set(`${etcd}.statefulSet.extraArgs`, o('etcd.extraArgs'));
    if (o('etcd.resources') !== undefined && o('etcd.resources') !== null) set(`${etcd}.statefulSet.resources`, mergeResources(get(`${etcd}.statefulSet.resources`), o('etcd.resources')));
    set(`${etcd}.statefulSet.persistence.addVolumes`, o('etcd.volumes'));
    if (text(o('etcd.priorityClassName'))) set(`${etcd}.statefulSet.scheduling.priorityClassName`, o('etcd.priorityClassName'));
    for (const key of ['nodeSelector', 'affinity', 'tolerations'] as const) if (hasItems(o(`etcd.${key}`))) set(`${etcd}.statefulSet.scheduling.${key}`, o(`etcd.${key}`));
    set(`${etcd}.statefulSet.pods.annotations`, o('etcd.podAnnotations'));
    set(`${etcd}.statefulSet.pods.labels`, o('etcd.podLabels'));
    if (hasItems(o('etcd.securityContext'))) set(`${etcd}.statefulSet.security.containerSecurityContext`, o('etcd.securityContext'));
    if (hasItems(o('etcd.serviceAnnotations'))) set(`${etcd}.service.annotations`, o('etcd.serviceAnnotations'));
    if (o('etcd.autoDeletePersistentVolumeClaims') === true) set(`${etcd}.statefulSet.persistence.volumeClaim.retentionPolicy`, 'Delete');
    if (typeof o('etcd.replicas') === 'number' && (o('etcd.replicas') as number) > 0) set(`${etcd}.statefulSet.highAvailability.replicas`, o('etcd.replicas'));
    set(`${etcd}.statefulSet.labels`, o('etcd.labels'));
    set(`${etcd}.statefulSet.annotations`, o('etcd.annotations'));
    if (typeof o('etcd.storage.persistence') === 'boolean') set(`${etcd}.statefulSet.persistence.volumeClaim.enabled`, o('etcd.storage.persistence'));
    if (text(o('etcd.storage.size'))) set(`${etcd}.statefulSet.persistence.volumeClaim.size`, o('etcd.storage.size'));
    if (text(o('etcd.storage.className'))) set(`${etcd}.statefulSet.persistence.volumeClaim.storageClass`, o('etcd.storage.className'));

    set('controlPlane.statefulSet.scheduling.podManagementPolicy', 'OrderedReady');
    applyStorage('storage');
    // The k8s chart's syncer took pod-level settings too.
    const s = 'controlPlane.statefulSet';
    set(`${s}.persistence.addVolumes`, o('syncer.volumes'));
    if (text(o('syncer.priorityClassName'))) set(`${s}.scheduling.priorityClassName`, o('syncer.priorityClassName'));
    set(`${s}.scheduling.nodeSelector`, o('syncer.nodeSelector'));
    set(`${s}.scheduling.affinity`, o('syncer.affinity'));
    if (hasItems(o('syncer.tolerations'))) set(`${s}.scheduling.tolerations`, o('syncer.tolerations'));
    set(`${s}.pods.annotations`, o('syncer.podAnnotations'));
    set(`${s}.pods.labels`, o('syncer.podLabels'));
    if (hasItems(o('syncer.podSecurityContext'))) set(`${s}.security.podSecurityContext`, o('syncer.podSecurityContext'));
    if (hasItems(o('syncer.securityContext'))) set(`${s}.security.containerSecurityContext`, o('syncer.securityContext'));
    convertSyncer();
    convertEmbeddedEtcd();
  } else {
    const own = `controlPlane.distro.${distro}`;
    set(`${own}.enabled`, true);
    if (distro === 'k3s') set(`${own}.token`, o('k3sToken'));
    else ignore('k3sToken');
    set(`${own}.env`, o('vcluster.env'));
    if (text(o('vcluster.image'))) set(`${own}.image`, image(text(o('vcluster.image'))));
    if (hasItems(o('vcluster.resources'))) set(`${own}.resources`, mergeMaps(get(`${own}.resources`), o('vcluster.resources')));
    set(`${own}.extraArgs`, [...((get(`${own}.extraArgs`) as unknown[] | undefined) ?? []), ...((o('vcluster.extraArgs') as unknown[] | undefined) ?? [])]);
    if (text(o('vcluster.imagePullPolicy'))) set(`${own}.imagePullPolicy`, o('vcluster.imagePullPolicy'));
    if (hasItems(o('vcluster.baseArgs'))) errors.push(`\`vcluster.baseArgs\` is no longer supported: use \`${own}.command\` or \`${own}.extraArgs\``);
    if (hasItems(o('vcluster.command'))) errors.push(`\`vcluster.command\` is no longer supported: use \`${own}.command\` or \`${own}.extraArgs\``);
    if (text(o('vcluster.priorityClassName'))) errors.push('`vcluster.priorityClassName` is no longer supported: set the control plane\'s priority class by hand');
    const s = 'controlPlane.statefulSet.persistence';
    set(`${s}.addVolumeMounts`, [...((get(`${s}.addVolumeMounts`) as unknown[] | undefined) ?? []), ...((o('vcluster.extraVolumeMounts') as unknown[] | undefined) ?? [])]);
    // As the command did in every release: the old volume mounts land in the volumes list.
    set(`${s}.addVolumes`, [...((get(`${s}.addVolumes`) as unknown[] | undefined) ?? []), ...((o('vcluster.volumeMounts') as unknown[] | undefined) ?? [])]);
    set('controlPlane.statefulSet.scheduling.podManagementPolicy', 'OrderedReady');
    if (o('autoDeletePersistentVolumeClaims') === true) set('controlPlane.statefulSet.persistence.volumeClaim.retentionPolicy', 'Delete');
    applyStorage('storage');
    convertSyncer();
    convertEmbeddedEtcd();
    if (typeof o('sync.nodes.enableScheduler') === 'boolean') set('controlPlane.advanced.virtualScheduler.enabled', o('sync.nodes.enableScheduler'));
  }
  convertBase(o, get, set, errors, ignore);
  if (k8sLike) {
    const store = 'controlPlane.backingStore';
    if (![`${store}.database.external.enabled`, `${store}.database.embedded.enabled`, `${store}.etcd.embedded.enabled`].some((path) => get(path) === true)) set(`${store}.etcd.deploy.enabled`, true);
  }
  if (errors.length) return conversion;
  const before = normalize(defaults.tree, '', defaults);
  const after = normalize(cfg, '', defaults);
  // The command printed the keys sorted, as Go's YAML writer does.
  conversion.config = sortKeys(diff(before, after) ?? {}) as Tree;
  return conversion;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainMap(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

/** convertBaseValues at v0.31.0, with 0.20.0's keys where 0.31.0 wrote later ones. */
function convertBase(o: (path: string) => unknown, get: (path: string) => unknown, set: (path: string, value: unknown) => void, errors: string[], ignore: (path: string) => void): void {
  const s = 'controlPlane.statefulSet';
  set('controlPlane.advanced.globalMetadata.annotations', o('globalAnnotations'));
  set('pro', o('pro'));
  const secret = text(o('proLicenseSecret'));
  if (secret.includes('/')) {
    const [namespace, name] = secret.split('/');
    set('external.platform.apiKey.secretName', name);
    set('external.platform.apiKey.namespace', namespace);
  } else if (secret) set('external.platform.apiKey.secretName', secret);
  set('controlPlane.advanced.defaultImageRegistry', text(o('defaultImageRegistry')).replace(/\/$/u, ''));
  if (hasItems(o('plugin'))) set('plugin', o('plugin'));
  set('networking.advanced.fallbackHostCluster', o('fallbackHostDns'));
  set(`${s}.labels`, o('labels'));
  set(`${s}.annotations`, o('annotations'));
  set(`${s}.pods.labels`, o('podLabels'));
  set(`${s}.pods.annotations`, o('podAnnotations'));
  set(`${s}.scheduling.tolerations`, o('tolerations'));
  set(`${s}.scheduling.nodeSelector`, o('nodeSelector'));
  set(`${s}.scheduling.affinity`, mergeMaps(get(`${s}.scheduling.affinity`), o('affinity')));
  set(`${s}.scheduling.priorityClassName`, o('priorityClassName'));
  set('networking.replicateServices.fromHost', o('mapServices.fromHost'));
  set('networking.replicateServices.toHost', o('mapServices.fromVirtual'));
  for (const kind of ['pods', 'nodes'] as const) {
    if (typeof o(`proxy.metricsServer.${kind}.enabled`) !== 'boolean') continue;
    set('integrations.metricsServer.enabled', true);
    set(`integrations.metricsServer.${kind}`, o(`proxy.metricsServer.${kind}.enabled`));
  }
  if (hasItems(o('volumes'))) set(`${s}.persistence.addVolumes`, o('volumes'));
  if (typeof o('serviceAccount.create') === 'boolean') set('controlPlane.advanced.serviceAccount.enabled', o('serviceAccount.create'));
  if (text(o('serviceAccount.name'))) set('controlPlane.advanced.serviceAccount.name', o('serviceAccount.name'));
  if (hasItems(o('serviceAccount.imagePullSecrets'))) set('controlPlane.advanced.serviceAccount.imagePullSecrets', o('serviceAccount.imagePullSecrets'));
  if (hasItems(o('workloadServiceAccount.annotations'))) set('controlPlane.advanced.workloadServiceAccount.annotations', o('workloadServiceAccount.annotations'));
  set('policies.centralAdmission.mutatingWebhooks', o('centralAdmission.mutatingWebhooks'));
  set('policies.centralAdmission.validatingWebhooks', o('centralAdmission.validatingWebhooks'));
  if (String(o('telemetry.disabled')) === 'true') set('telemetry.enabled', false);
  // 0.20.0 keeps the mode under experimental; 0.26.0 replaces it (the move multiNamespaceMode).
  if (typeof o('multiNamespaceMode.enabled') === 'boolean') set('experimental.multiNamespaceMode.enabled', o('multiNamespaceMode.enabled'));
  for (const [legacy, target] of [['securityContext', 'containerSecurityContext'], ['podSecurityContext', 'podSecurityContext']] as const) {
    if (hasItems(o(legacy))) set(`${s}.security.${target}`, {...((get(`${s}.security.${target}`) as object | undefined) ?? {}), ...(o(legacy) as object)});
  }
  const extraRules = (path: string) => ((get(path) as unknown[] | undefined) ?? []);
  if (o('openshift.enable') === true) set('rbac.role.extraRules', [...extraRules('rbac.role.extraRules'), {apiGroups: [''], resources: ['endpoints/restricted'], verbs: ['create']}]);
  set('controlPlane.serviceMonitor.enabled', o('monitoring.serviceMonitor.enabled'));
  if (hasItems(o('rbac.role.extraRules'))) set('rbac.role.extraRules', [...extraRules('rbac.role.extraRules'), ...(o('rbac.role.extraRules') as unknown[])]);
  if (typeof o('rbac.role.create') === 'boolean') set('rbac.role.enabled', o('rbac.role.create'));
  if (hasItems(o('rbac.role.excludedApiResources'))) errors.push('`rbac.role.excludedApiResources` is no longer supported: use `rbac.role.overwriteRules`');
  if (hasItems(o('rbac.clusterRole.extraRules'))) set('rbac.clusterRole.extraRules', [...extraRules('rbac.clusterRole.extraRules'), ...(o('rbac.clusterRole.extraRules') as unknown[])]);
  if (o('rbac.clusterRole.create') === true) set('rbac.clusterRole.enabled', true);
  set('experimental.deploy.vcluster.manifests', o('init.manifests'));
  set('experimental.deploy.vcluster.manifestsTemplate', o('init.manifestsTemplate'));
  set('experimental.deploy.vcluster.helm', o('init.helm'));
  for (const path of ['headless', 'serviceCIDR', 'podDisruptionBudget', 'service.loadBalancerIP', 'service.loadBalancerSourceRanges', 'service.loadBalancerClass', 'service.loadBalancerAnnotations', 'noopSyncer', 'sync.pods.ephemeralContainers', 'sync.pods.status', 'sync.generic.role', 'sync.generic.clusterRole']) ignore(path);
  for (const path of ['telemetry.instanceCreator', 'telemetry.platformUserID', 'telemetry.platformInstanceID', 'telemetry.machineID']) ignore(path);

  const isolation = o('isolation.enabled') === true;
  if (!isolation) ignore('isolation');
  if (isolation) {
    set('policies.networkPolicy.enabled', typeof o('isolation.networkPolicy.enabled') === 'boolean' ? o('isolation.networkPolicy.enabled') : true);
    set('policies.resourceQuota.enabled', typeof o('isolation.resourceQuota.enabled') === 'boolean' ? o('isolation.resourceQuota.enabled') : true);
    set('policies.limitRange.enabled', typeof o('isolation.limitRange.enabled') === 'boolean' ? o('isolation.limitRange.enabled') : true);
    set('policies.podSecurityStandard', text(o('isolation.podSecurityStandard')) || 'baseline');
    // 0.20.0 writes the public egress under outgoingConnections; 0.31.0 moves it (the move netpolOutgoingIPBlock).
    if (text(o('isolation.networkPolicy.outgoingConnections.ipBlock.cidr'))) set('policies.networkPolicy.outgoingConnections.ipBlock.cidr', o('isolation.networkPolicy.outgoingConnections.ipBlock.cidr'));
    if (hasItems(o('isolation.networkPolicy.outgoingConnections.ipBlock.except'))) set('policies.networkPolicy.outgoingConnections.ipBlock.except', o('isolation.networkPolicy.outgoingConnections.ipBlock.except'));
    ignore('isolation.networkPolicy.outgoingConnections.platform');
    for (const [legacy, target] of [['limitRange.default', 'limitRange.default'], ['limitRange.defaultRequest', 'limitRange.defaultRequest'], ['resourceQuota.quota', 'resourceQuota.quota'], ['resourceQuota.scopeSelector', 'resourceQuota.scopeSelector']] as const) {
      if (hasItems(o(`isolation.${legacy}`))) set(`policies.${target}`, mergeMaps(get(`policies.${target}`), o(`isolation.${legacy}`)));
    }
    if (hasItems(o('isolation.resourceQuota.scopes'))) set('policies.resourceQuota.scopes', o('isolation.resourceQuota.scopes'));
    if (o('isolation.namespace') !== undefined && o('isolation.namespace') !== null) errors.push('`isolation.namespace` is no longer supported');
    if (typeof o('isolation.nodeProxyPermission.enabled') === 'boolean') errors.push('`isolation.nodeProxyPermission.enabled` is no longer supported: use `rbac.clusterRole.overwriteRules`');
  }

  const dns = 'controlPlane.coredns';
  if (typeof o('coredns.enabled') === 'boolean') set(`${dns}.enabled`, o('coredns.enabled'));
  if (text(o('coredns.fallback'))) set('policies.networkPolicy.fallbackDns', o('coredns.fallback'));
  set(`${dns}.embedded`, o('coredns.integrated'));
  if (typeof o('coredns.replicas') === 'number' && (o('coredns.replicas') as number) > 0) set(`${dns}.deployment.replicas`, o('coredns.replicas'));
  set(`${dns}.deployment.nodeSelector`, o('coredns.nodeSelector'));
  if (text(o('coredns.image'))) set(`${dns}.deployment.image`, o('coredns.image'));
  if (text(o('coredns.config'))) set(`${dns}.overwriteConfig`, o('coredns.config'));
  if (text(o('coredns.manifests'))) set(`${dns}.overwriteManifests`, o('coredns.manifests'));
  set(`${dns}.deployment.pods.labels`, o('coredns.podLabels'));
  set(`${dns}.deployment.pods.annotations`, o('coredns.podAnnotations'));
  if (o('coredns.resources') !== undefined && o('coredns.resources') !== null) set(`${dns}.deployment.resources`, mergeResources(get(`${dns}.deployment.resources`), o('coredns.resources')));
  if (o('coredns.plugin.enabled') === true && hasItems(o('coredns.plugin.config'))) errors.push('`coredns.plugin.config` has to be rewritten by hand as `networking.resolveDNS`');
  if (hasItems(o('coredns.service.annotations'))) set(`${dns}.service.annotations`, o('coredns.service.annotations'));
  const spec = (path: string, key: string, value: unknown) => set(path, {...((get(path) as object | undefined) ?? {}), [key]: value});
  if (text(o('coredns.service.type'))) spec(`${dns}.service.spec`, 'type', o('coredns.service.type'));
  if (text(o('coredns.service.externalTrafficPolicy'))) spec(`${dns}.service.spec`, 'externalTrafficPolicy', o('coredns.service.externalTrafficPolicy'));
  if (hasItems(o('coredns.service.externalIPs'))) spec(`${dns}.service.spec`, 'externalIPs', o('coredns.service.externalIPs'));

  const ingress = 'controlPlane.ingress';
  if (o('ingress.enabled') === true) set(`${ingress}.enabled`, true);
  if (text(o('ingress.pathType'))) set(`${ingress}.pathType`, o('ingress.pathType'));
  if (text(o('ingress.ingressClassName'))) spec(`${ingress}.spec`, 'ingressClassName', o('ingress.ingressClassName'));
  if (text(o('ingress.host'))) set(`${ingress}.host`, o('ingress.host'));
  if (hasItems(o('ingress.annotations'))) set(`${ingress}.annotations`, {...((get(`${ingress}.annotations`) as object | undefined) ?? {}), ...(o('ingress.annotations') as object)});
  if (hasItems(o('ingress.tls'))) spec(`${ingress}.spec`, 'tls', o('ingress.tls'));

  const service = 'controlPlane.service.spec';
  if (text(o('service.type'))) spec(service, 'type', o('service.type'));
  if (hasItems(o('service.externalIPs'))) spec(service, 'externalIPs', o('service.externalIPs'));
  if (text(o('service.externalTrafficPolicy'))) spec(service, 'externalTrafficPolicy', o('service.externalTrafficPolicy'));

  const switches: Array<[string, string]> = [
    ['services', 'sync.toHost.services.enabled'],
    ['configmaps', 'sync.toHost.configMaps.enabled'],
    ['secrets', 'sync.toHost.secrets.enabled'],
    ['endpoints', 'sync.toHost.endpoints.enabled'],
    ['pods', 'sync.toHost.pods.enabled'],
    ['events', 'sync.fromHost.events.enabled'],
    ['persistentvolumeclaims', 'sync.toHost.persistentVolumeClaims.enabled'],
  ];
  for (const [legacy, target] of switches) if (typeof o(`sync.${legacy}.enabled`) === 'boolean') set(target, o(`sync.${legacy}.enabled`));
  if (o('sync.configmaps.all') === true) set('sync.toHost.configMaps.all', true);
  if (o('sync.secrets.all') === true) set('sync.toHost.secrets.all', true);
  if (typeof o('sync.ingresses.enabled') === 'boolean') {
    set('sync.toHost.ingresses.enabled', o('sync.ingresses.enabled'));
    if (o('sync.ingresses.enabled') === true) set('sync.fromHost.ingressClasses.enabled', true);
  }
  if (typeof o('sync.ingressclasses.enabled') === 'boolean') set('sync.fromHost.ingressClasses.enabled', o('sync.ingressclasses.enabled'));
  if (o('sync.fake-nodes.enabled') === true) set('sync.fromHost.nodes.enabled', false);
  if (o('sync.fake-persistentvolumes.enabled') === true) set('sync.toHost.persistentVolumes.enabled', false);
  if (typeof o('sync.nodes.enabled') === 'boolean') set('sync.fromHost.nodes.enabled', o('sync.nodes.enabled'));
  if (typeof o('sync.nodes.fakeKubeletIPs') === 'boolean') set('networking.advanced.proxyKubelets.byIP', o('sync.nodes.fakeKubeletIPs'));
  if (typeof o('sync.nodes.syncAllNodes') === 'boolean') set('sync.fromHost.nodes.selector.all', o('sync.nodes.syncAllNodes'));
  if (text(o('sync.nodes.nodeSelector'))) set('sync.fromHost.nodes.selector.labels', mergeIntoMap({}, text(o('sync.nodes.nodeSelector')).split(',')));
  if (typeof o('sync.nodes.syncNodeChanges') === 'boolean') set('sync.fromHost.nodes.syncBackChanges', o('sync.nodes.syncNodeChanges'));
  const more: Array<[string, string]> = [
    ['persistentvolumes', 'sync.toHost.persistentVolumes.enabled'],
    ['storageclasses', 'sync.toHost.storageClasses.enabled'],
    ['hoststorageclasses', 'sync.fromHost.storageClasses.enabled'],
    ['priorityclasses', 'sync.toHost.priorityClasses.enabled'],
    ['networkpolicies', 'sync.toHost.networkPolicies.enabled'],
    ['volumesnapshots', 'sync.toHost.volumeSnapshots.enabled'],
    ['poddisruptionbudgets', 'sync.toHost.podDisruptionBudgets.enabled'],
    ['serviceaccounts', 'sync.toHost.serviceAccounts.enabled'],
    ['csinodes', 'sync.fromHost.csiNodes.enabled'],
    ['csistoragecapacities', 'sync.fromHost.csiStorageCapacities.enabled'],
    ['csidrivers', 'sync.fromHost.csiDrivers.enabled'],
  ];
  for (const [legacy, target] of more) if (typeof o(`sync.${legacy}.enabled`) === 'boolean') set(target, o(`sync.${legacy}.enabled`));
  if (text(o('sync.generic.config'))) errors.push('generic sync (`sync.generic.config`) is no longer supported: use `sync.toHost.customResources` and `sync.fromHost.customResources`');
}
