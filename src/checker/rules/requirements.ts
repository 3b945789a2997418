/**
 * Conditions a setting depends on that the file itself decides: a
 * requirement on another key, or Pro under a condition. The curated facts
 * that state them (src/reference/facts.ts) name the rule with `rule:`, and
 * the checker shows the rule's finding only when the file does not meet the
 * condition, in place of the fact's unconditional note.
 */
import {code} from '../inlineCode';
import {fieldOf, isTrue, nonEmpty, text} from './context';
import {distroOf} from './vcluster';
import type {Rule} from './types';

const externalDatabasePro: Rule = {
  id: 'pro-external-database-k8s',
  kind: 'pro',
  since: '0.20.0',
  // From 0.33.0 there is no distro but k8s, and the condition always holds.
  removedIn: '0.33.0',
  source: 'vcluster',
  evidence: 'config/config.go (IsProFeatureEnabled: external database with the k8s distro); pkg/k3s/k3s.go and pkg/k0s/k0s.go (the distro runs Kine itself)',
  summary: 'an external database needs Pro with the k8s distro',
  check(context) {
    if (!isTrue(context.value('controlPlane.backingStore.database.external.enabled')) || distroOf(context) !== 'k8s') return [];
    const chosen = isTrue(context.own('controlPlane.distro.k8s.enabled')) ? 'the k8s distro' : 'the k8s distro (the default when no distro is enabled)';
    return [
      {
        at: ['controlPlane', 'backingStore', 'database', 'external', 'enabled'],
        message: `${code('controlPlane.backingStore.database.external.enabled')} needs vCluster Pro with ${chosen}. With k3s or k0s the distro runs the database connection itself, without Pro.`,
      },
    ];
  },
};

const resolveDnsNeedsCoreDns: Rule = {
  id: 'resolve-dns-needs-embedded-coredns',
  kind: 'requires',
  since: '0.20.0',
  removedIn: '0.26.0',
  source: 'chart',
  evidence: 'chart/templates/_coredns.tpl (the vcluster plugin only with controlPlane.coredns.embedded and networking.resolveDNS)',
  summary: 'networking.resolveDNS takes effect with controlPlane.coredns.embedded',
  check(context) {
    if (!nonEmpty(context.own('networking.resolveDNS')) || isTrue(context.value('controlPlane.coredns.embedded'))) return [];
    return [
      {
        at: ['networking', 'resolveDNS'],
        related: [['controlPlane', 'coredns', 'embedded']],
        message: `${code('networking.resolveDNS')} has no effect without ${code('controlPlane.coredns.embedded: true')} (Pro): the chart of ${context.version} adds the CoreDNS plugin that applies the rules only then.`,
      },
    ];
  },
};

const exportKubeConfigSecretNeedsServer: Rule = {
  id: 'export-kubeconfig-secret-needs-server',
  kind: 'refused',
  since: '0.22.0',
  removedIn: '0.23.0',
  source: 'vcluster',
  evidence: 'pkg/setup/controllers.go (WriteKubeConfigToSecret: the second kubeconfig exists only with a server); pkg/util/kubeconfig/kubeconfig.go (WriteKubeConfig reads it)',
  summary: 'exportKubeConfig.secret.name needs exportKubeConfig.server',
  check(context) {
    if (!text(fieldOf(context.own('exportKubeConfig.secret'), 'name')) || text(context.value('exportKubeConfig.server'))) return [];
    return [
      {
        at: ['exportKubeConfig', 'secret', 'name'],
        related: [['exportKubeConfig', 'server']],
        message: `${code('exportKubeConfig.secret.name')} needs ${code('exportKubeConfig.server')} as well in ${context.version}: without it the control plane crashes when it writes the kubeconfig Secret.`,
      },
    ];
  },
};

export const REQUIREMENT_RULES: readonly Rule[] = [externalDatabasePro, resolveDnsNeedsCoreDns, exportKubeConfigSecretNeedsServer];
