/**
 * The rules the vCluster chart enforces with `fail` while Helm renders it:
 * the install or upgrade stops before anything reaches the cluster. Each
 * rule's range was read at the tag of every release of the line; the
 * messages are the site's own words. (The chart's other `fail`, in
 * templates/service.yaml from 0.26.0, reads the cluster, not the file.)
 */
import {code} from '../inlineCode';
import {isTrue} from './context';
import type {Rule} from './types';

const oneBackingStore: Rule = {
  id: 'one-backing-store',
  kind: 'refused',
  since: '0.20.0',
  source: 'chart',
  evidence: 'chart/templates/_backingstore.tpl (vcluster.database.embedded.enabled, fail)',
  summary: 'one backing store is enabled at most',
  check(context) {
    // `etcd.external` joins the count from 0.26.0; a release without the field reads it as off.
    const enabled = ['etcd.embedded', 'etcd.deploy', 'etcd.external', 'database.embedded', 'database.external']
      .map((store) => `controlPlane.backingStore.${store}.enabled`)
      .filter((path) => isTrue(context.value(path)));
    if (enabled.length < 2) return [];
    return [
      {
        at: enabled[1].split('.'),
        related: enabled.map((path) => path.split('.')),
        message: `${enabled.map(code).join(' and ')} are all on: the chart of ${context.version} installs one backing store and refuses to render with more. Keep one.`,
      },
    ];
  },
};

/** The keys 0.36.0 removed whose presence its chart refuses (templates/_validate.tpl). */
const VOLUME_SNAPSHOT_KEYS = ['sync.toHost.volumeSnapshots', 'sync.toHost.volumeSnapshotContents', 'sync.fromHost.volumeSnapshotClasses', 'deploy.volumeSnapshotController', 'rbac.enableVolumeSnapshotRules'];

const volumeSnapshotsRemoved: Rule = {
  id: 'volume-snapshot-keys-removed',
  kind: 'refused',
  since: '0.36.0',
  source: 'chart',
  evidence: 'chart/templates/_validate.tpl (vcluster.legacy.volumeSnapshots.validate, fail), included by chart/templates/statefulset.yaml',
  summary: 'none of the removed volume-snapshot keys is set',
  check(context) {
    return VOLUME_SNAPSHOT_KEYS.filter((path) => context.own(path) !== undefined).map((path) => ({
      at: path.split('.'),
      message: `${code(path)} was removed in 0.36.0, and the chart of ${context.version} refuses to install a file that still sets it, even to its old default. Remove it.`,
    }));
  },
};

export const CHART_RULES: readonly Rule[] = [oneBackingStore, volumeSnapshotsRemoved];
