/**
 * Files for the config checker's hostile and large cases, made to size:
 * real-looking labels (the size ladder), "billion laughs" aliases, deep
 * nesting. Shared by the checker's tests and `npm run bench`.
 */

/** A vcluster.yaml of `bytes` characters or a little more: one map of real-looking labels on the control plane. */
export function labelsFile(bytes: number): string {
  const lines = ['controlPlane:', '  statefulSet:', '    labels:'];
  let length = 40;
  for (let i = 0; length < bytes; i++) {
    const line = `      app.example.com/component-${i}: control-plane-${i % 97}`;
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** "Billion laughs": `levels` anchors, each a flow list of `width` aliases to the one before (10 × 9 is 478 characters). */
export function billionLaughs(levels = 10, width = 9): string {
  const lines = ['a0: &a0 "lol"'];
  for (let level = 1; level <= levels; level++) lines.push(`a${level}: &a${level} [${Array.from({length: width}, () => `*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** `depth` flow lists, one inside the other. */
export function deepFlow(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** The size ladder the checker is measured on, in bytes. */
export const SIZE_LADDER = [250_000, 500_000, 1_000_000, 2_000_000, 5_000_000] as const;
