/**
 * The limits a `vcluster.yaml` text is read within (./validateConfig.ts
 * `parseConfig`), the same in the build, the checker and any tool built on
 * it: past one, the text is not read further and the problem says which
 * limit, and where. No imports: the checker's page states the limits
 * without loading the YAML reader.
 */
export const CONFIG_LIMITS = {
  /** The longest text read, in characters: 1 MiB, far above any real vcluster.yaml. */
  maxLength: 1 << 20,
  /** Maps and lists nested deeper than this are refused (vcluster.yaml's own fields go about 12 deep). */
  maxDepth: 100,
  /** Alias nodes (`*name`) in one file. */
  maxAliases: 1000,
  /**
   * The yaml package's guard against aliases that expand exponentially ("billion
   * laughs"), kept at its default: an anchor's uses times the aliases inside it.
   */
  maxAliasCount: 100,
} as const;
