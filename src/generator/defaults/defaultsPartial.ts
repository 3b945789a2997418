import type {FieldIndex} from '../../reference/fieldIndex';
import {DEFAULTS_FILE} from '../../reference/files';
import type {PageMap} from '../../reference/pageMap';
import {PUBLISHED_VALUES} from '../../reference/urls';
import type {ChartSource} from '../load/loadChart';
import {serializePartial} from '../render/serialize';
import {createDefaultsPartial} from './createDefaultsPartial';
import {createDefaultsFile, type DefaultsCounts} from './defaultsFile';

/** What the pipeline's site runs give (pipeline.ts `SiteInputs`). */
export interface DefaultsSite {
  /** Every release of the manifest, newest first (history-only ones included). */
  order: readonly string[];
  current: string;
  /** The documented versions. */
  documented: readonly string[];
  /** Each docs version's page map. */
  pages?: ReadonlyMap<string, PageMap>;
}

/**
 * The releases a version's page marks default changes of, and the release
 * they are counted from: everything since the previous documented release
 * (history-only releases in between included). The oldest documented
 * release marks only its own changes, from the release before it, if any.
 */
export function changesSincePrevious(version: string, site: DefaultsSite): {previous?: string; releases: Set<string>} {
  const at = site.order.indexOf(version);
  const releases = new Set([version]);
  for (let i = at + 1; i < site.order.length; i++) {
    if (site.documented.includes(site.order[i])) return {previous: site.order[i], releases};
    releases.add(site.order[i]);
  }
  return {previous: site.order[at + 1], releases: new Set([version])};
}

export interface DefaultsOutput {
  /** The partial (files.ts `DEFAULTS_FILE`). */
  partial: string;
  /** The values file to publish (urls.ts `PUBLISHED_VALUES`): the chart's, unchanged. */
  valuesText: string;
  counts: DefaultsCounts;
}

/** A version's default-values partial and published values file. */
export function createDefaultsOutput(chart: ChartSource, version: string, index: FieldIndex, pages: PageMap | undefined, site: DefaultsSite): DefaultsOutput {
  const valuesText = chart.valuesText ?? String(chart.values);
  const {previous, releases} = changesSincePrevious(version, site);
  const {props, counts} = createDefaultsFile({version, current: site.current, valuesText, index, pages, previous, markChangesIn: releases});
  return {partial: serializePartial(createDefaultsPartial(props)), valuesText, counts};
}

/**
 * For the pipeline (pipeline.ts): adds each version's default-values
 * partial to its reference files and its values.yaml to its published files.
 */
export function addDefaultsFiles(
  outputs: ReadonlyArray<{reference: {version: string; index: FieldIndex; files: Map<string, string>}; editorFiles?: Map<string, string>}>,
  jobs: ReadonlyArray<{chart: ChartSource}>,
  site: DefaultsSite,
): void {
  outputs.forEach(({reference, editorFiles}, i) => {
    const defaults = createDefaultsOutput(jobs[i].chart, reference.version, reference.index, site.pages?.get(reference.version), site);
    reference.files.set(DEFAULTS_FILE, defaults.partial);
    editorFiles?.set(PUBLISHED_VALUES, defaults.valuesText);
  });
}
