/**
 * For each cross-field rule of the checker (src/checker/rules), by id: a
 * vcluster.yaml that breaks it and one that satisfies it, each valid for the
 * schema of every release in the rule's range (test/checker/rules.test.ts
 * checks that). The checker's browser tests load them too.
 */
export const RULE_CASES: Record<string, {breaks: string; satisfies: string}> = {
  'pod-security-standard': {breaks: 'policies:\n  podSecurityStandard: strict\n', satisfies: 'policies:\n  podSecurityStandard: restricted\n'},
  'enforce-tolerations': {
    breaks: 'sync:\n  toHost:\n    pods:\n      enforceTolerations:\n        - "a=b=c:NoSchedule"\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      enforceTolerations:\n        - "example.com/dedicated=tenant-a:NoSchedule"\n        - "*"\n',
  },
  'scheduler-needs-node-sync': {
    breaks: 'controlPlane:\n  advanced:\n    virtualScheduler:\n      enabled: true\n',
    satisfies: 'controlPlane:\n  advanced:\n    virtualScheduler:\n      enabled: true\nsync:\n  fromHost:\n    nodes:\n      enabled: true\n',
  },
  'storage-classes-one-direction': {
    breaks: 'sync:\n  toHost:\n    storageClasses:\n      enabled: true\n  fromHost:\n    storageClasses:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    storageClasses:\n      enabled: true\n',
  },
  'embedded-database-one-replica': {
    breaks: 'controlPlane:\n  statefulSet:\n    highAvailability:\n      replicas: 3\n',
    satisfies: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n  statefulSet:\n    highAvailability:\n      replicas: 3\n',
  },
  'priority-classes-one-direction': {
    breaks: 'sync:\n  toHost:\n    priorityClasses:\n      enabled: true\n  fromHost:\n    priorityClasses:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    priorityClasses:\n      enabled: true\n',
  },
  'volume-snapshots-together': {
    breaks: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: true\n    volumeSnapshotContents:\n      enabled: true\n',
  },
  'custom-resources-to-host-scope': {
    breaks: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Cluster\n',
    satisfies: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
  },
  'custom-resources-from-host-cluster-scope': {
    breaks: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
    satisfies: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Cluster\n',
  },
  'custom-resources-from-host-scope': {
    breaks: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
    satisfies: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n        mappings:\n          byName:\n            "team-a/*": "widgets/*"\n',
  },
  'from-host-mappings': {
    breaks: 'sync:\n  fromHost:\n    configMaps:\n      enabled: true\n',
    satisfies: 'sync:\n  fromHost:\n    configMaps:\n      enabled: true\n      mappings:\n        byName:\n          "team-a/*": "shared/*"\n',
  },
  'patches-one-kind': {
    breaks: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n',
  },
  'patches-unique-path': {
    breaks: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"z"\'\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n        - path: metadata.annotations["example.com/z"]\n          expression: \'"z"\'\n',
  },
  'generic-sync-or-custom-resources': {
    breaks: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\nexperimental:\n  genericSync:\n    export:\n      - apiVersion: example.com/v1\n        kind: Gadget\n',
    satisfies: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n',
  },
  'one-distro': {
    breaks: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n    k8s:\n      enabled: true\n',
    satisfies: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n',
  },
  'k0s-virtual-cluster-kubeconfig': {
    breaks: 'controlPlane:\n  distro:\n    k0s:\n      enabled: true\nexperimental:\n  virtualClusterKubeConfig:\n    kubeConfig: /data/k0s/pki/admin.conf\n',
    satisfies: 'controlPlane:\n  distro:\n    k0s:\n      enabled: true\n',
  },
  'deny-proxy-requests': {
    breaks: 'experimental:\n  denyProxyRequests:\n    - name: no-deletes\n      rules:\n        - operations: ["delete", "*"]\n',
    satisfies: 'experimental:\n  denyProxyRequests:\n    - name: no-deletes\n      namespaces: ["team-a"]\n      rules:\n        - operations: ["delete"]\n          apiGroups: ["*"]\n',
  },
  'resolve-dns-entries': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      service: team-a/web\n      target:\n        hostname: b.example.com\n',
    satisfies: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
  },
  'resolve-dns-wildcards': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.*.example.com\n      target:\n        hostname: "*.b.example.com"\n',
    satisfies: 'networking:\n  resolveDNS:\n    - hostname: "*.a.example.com"\n      target:\n        hostname: "*.b.example.com"\n',
  },
  'central-admission-webhooks': {
    breaks: 'policies:\n  centralAdmission:\n    validatingWebhooks:\n      - webhooks:\n          - name: check.example.com\n            clientConfig: {}\n',
    satisfies: 'policies:\n  centralAdmission:\n    validatingWebhooks:\n      - webhooks:\n          - name: check.example.com\n            clientConfig:\n              url: https://check.example.com/validate\n',
  },
  'export-kubeconfig-secrets': {
    breaks: 'exportKubeConfig:\n  secret:\n    name: kubeconfig-a\n  additionalSecrets:\n    - name: kubeconfig-b\n',
    satisfies: 'exportKubeConfig:\n  additionalSecrets:\n    - name: kubeconfig-a\n    - name: kubeconfig-b\n',
  },
  'export-kubeconfig-server-url': {breaks: 'exportKubeConfig:\n  server: vcluster.example.com:443\n', satisfies: 'exportKubeConfig:\n  server: https://vcluster.example.com:443\n'},
  'integrations-or-custom-resources': {
    breaks: 'integrations:\n  certManager:\n    enabled: true\nsync:\n  toHost:\n    customResources:\n      certificates.cert-manager.io:\n        enabled: true\n',
    satisfies: 'integrations:\n  certManager:\n    enabled: true\nsync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n',
  },
  'private-nodes-features': {
    breaks: 'controlPlane:\n  endpoint: 203.0.113.10:443\n',
    satisfies: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  endpoint: 203.0.113.10:443\n',
  },
  'private-nodes-isolated-control-plane': {
    breaks: 'privateNodes:\n  enabled: true\nexperimental:\n  isolatedControlPlane:\n    enabled: true\n',
    satisfies: 'privateNodes:\n  enabled: true\n',
  },
  'private-nodes-k8s-only': {
    breaks: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  distro:\n    k3s:\n      enabled: true\n',
    satisfies: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  distro:\n    k8s:\n      enabled: true\n',
  },
  'one-backing-store': {
    breaks: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n    database:\n      external:\n        enabled: true\n',
    satisfies: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n',
  },
  'volume-snapshot-keys-removed': {
    breaks: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: false\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      enabled: true\n',
  },
  'pro-external-database-k8s': {
    breaks: 'controlPlane:\n  backingStore:\n    database:\n      external:\n        enabled: true\n',
    satisfies: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n  backingStore:\n    database:\n      external:\n        enabled: true\n',
  },
  'resolve-dns-needs-embedded-coredns': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
    satisfies: 'controlPlane:\n  coredns:\n    embedded: true\nnetworking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
  },
  'export-kubeconfig-secret-needs-server': {
    breaks: 'exportKubeConfig:\n  secret:\n    name: kubeconfig-a\n',
    satisfies: 'exportKubeConfig:\n  server: https://vcluster.example.com\n  secret:\n    name: kubeconfig-a\n',
  },
};

