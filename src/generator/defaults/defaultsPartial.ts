import type {FieldIndex} from '../../reference/fieldIndex';
import {DEFAULTS_FILE} from '../../reference/files';
import type {PageMap} from '../../reference/pageMap';
import {changesBaseOf, currentOf, releasesBetween, type ReleaseLine} from '../../reference/releases';
import {PUBLISHED_VALUES} from '../../reference/urls';
import type {ChartSource} from '../load/loadChart';
import {serializePartial} from '../render/serialize';
import {createDefaultsPartial} from './createDefaultsPartial';
import {createDefaultsFile, type DefaultsCounts} from './defaultsFile';

/**
 * The releases a version's page marks default changes of, and the release
 * they are counted from: the same comparison as its what-changed page
 * (src/reference/releases.ts `changesBaseOf`), every release after the base
 * up to this one. A release with no earlier minor marks only its own
 * changes, from the release before it, if any.
 */
export function changesSinceBase(version: string, line: ReleaseLine): {previous?: string; releases: Set<string>} {
  const base = changesBaseOf(line, version);
  if (base !== undefined) return {previous: base, releases: new Set(releasesBetween(line, base, version))};
  return {previous: line.releases[line.releases.indexOf(version) - 1], releases: new Set([version])};
}

export interface DefaultsOutput {
  /** The partial (files.ts `DEFAULTS_FILE`). */
  partial: string;
  /** The values file to publish (urls.ts `PUBLISHED_VALUES`): the chart's, unchanged. */
  valuesText: string;
  counts: DefaultsCounts;
}

/** A version's default-values partial and published values file. */
export function createDefaultsOutput(chart: ChartSource, version: string, index: FieldIndex, pages: PageMap | undefined, line: ReleaseLine): DefaultsOutput {
  const valuesText = chart.valuesText ?? String(chart.values);
  const {previous, releases} = changesSinceBase(version, line);
  const {props, counts} = createDefaultsFile({version, current: currentOf(line), valuesText, index, pages, previous, markChangesIn: releases});
  return {partial: serializePartial(createDefaultsPartial(props)), valuesText, counts};
}

/**
 * For the pipeline (pipeline.ts): adds each version's default-values
 * partial to its reference files and its values.yaml to its published files.
 */
export function addDefaultsFiles(
  outputs: ReadonlyArray<{reference: {version: string; index: FieldIndex; files: Map<string, string>}; editorFiles?: Map<string, string>}>,
  jobs: ReadonlyArray<{chart: ChartSource}>,
  line: ReleaseLine,
  pages: ReadonlyMap<string, PageMap>,
): void {
  outputs.forEach(({reference, editorFiles}, i) => {
    const defaults = createDefaultsOutput(jobs[i].chart, reference.version, reference.index, pages.get(reference.version), line);
    reference.files.set(DEFAULTS_FILE, defaults.partial);
    editorFiles?.set(PUBLISHED_VALUES, defaults.valuesText);
  });
}
