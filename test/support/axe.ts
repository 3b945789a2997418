/** axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on part of a page, as `label rule: target` lines. */
import {readFileSync} from 'node:fs';
import type {Page} from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let source: string | undefined;

/** The violations inside the element `selector` matches, each `label rule: target`. */
export async function axeViolations(page: Page, selector: string, label: string): Promise<string[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({content: source});
  const result = (await page.evaluate(
    ([include, tags]) => (window as unknown as {axe: {run(context: unknown, options: unknown): Promise<unknown>}}).axe.run({include: [[include]]}, {runOnly: {type: 'tag', values: tags}}),
    [selector, WCAG_TAGS] as const,
  )) as {violations: Array<{id: string; nodes: Array<{target: string[]}>}>};
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${label} ${violation.id}: ${node.target.join(' ')}`));
}
