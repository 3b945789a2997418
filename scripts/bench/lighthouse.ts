// Lighthouse (desktop preset) scores of pages of the served build, for `npm run bench`:
// Debian's Chromium started by chrome-launcher, one browser for all runs.
import type {Flags, Result} from 'lighthouse';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface LighthouseScores {
  url: string;
  /** 0–100, the median of the runs. */
  performance: number;
  accessibility: number;
  runs: Array<{performance: number; accessibility: number}>;
  /** The medians of the metrics the performance score is made of (ms, CLS unitless): where the points go. */
  metrics: Record<MetricId, number>;
  /** Accessibility audits that failed in any run: what costs the points. */
  failedAccessibilityAudits: string[];
}

/** The audits behind Lighthouse 12's performance score. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;
type MetricId = (typeof METRICS)[number];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const score = (result: Result, category: string) => Math.round((result.categories[category]?.score ?? 0) * 100);

/**
 * Scores each URL `runs` times (five: one run on a busy machine can lose 15
 * points), the URLs interleaved so that machine noise
 * hits them alike; returns the median scores per URL.
 */
export async function lighthouseScores(urls: string[], runs = 5): Promise<LighthouseScores[]> {
  // Both are ES modules.
  const {default: lighthouse} = await import('lighthouse');
  const {default: desktopConfig} = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent'});
  const results = new Map<string, Result[]>(urls.map((url) => [url, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const url of urls) {
        const flags: Flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility']};
        const runner = await lighthouse(url, flags, desktopConfig);
        if (!runner) throw new Error(`lighthouse gave no result for ${url}`);
        if (runner.lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${runner.lhr.runtimeError.code} ${runner.lhr.runtimeError.message}`);
        results.get(url)!.push(runner.lhr);
      }
    }
  } finally {
    chrome.kill();
  }
  return urls.map((url) => {
    const lhrs = results.get(url)!;
    const scores = lhrs.map((lhr) => ({performance: score(lhr, 'performance'), accessibility: score(lhr, 'accessibility')}));
    const failed = new Set<string>();
    for (const lhr of lhrs) {
      for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1) failed.add(ref.id);
      }
    }
    return {
      url,
      performance: median(scores.map((entry) => entry.performance)),
      accessibility: median(scores.map((entry) => entry.accessibility)),
      runs: scores,
      metrics: Object.fromEntries(METRICS.map((id) => [id, median(lhrs.map((lhr) => lhr.audits[id]?.numericValue ?? NaN))])) as Record<MetricId, number>,
      failedAccessibilityAudits: [...failed].sort(),
    };
  });
}
