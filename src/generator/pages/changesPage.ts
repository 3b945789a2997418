/** The what-changed page of a documented release: every field change since the minor before it (the partial of changes/). */
import {CHANGES_FILE, PARTIALS_SUBDIR_POSIX} from '../../reference/files';
import {changesBaseOf, releasesBetween} from '../../reference/releases';
import {CHANGES_ROUTE} from '../../reference/urls';
import {code, element, importDefault, paragraph, list, strong, text} from './mdast';
import type {GeneratedPage} from './registry';

export const changesPage: GeneratedPage = {
  name: CHANGES_ROUTE,
  create({version, releases, hasChangesPage}) {
    const base = changesBaseOf(releases.data, version);
    if (base === undefined || !hasChangesPage) return undefined;
    const steps = releasesBetween(releases.data, base, version);
    const baseDocumented = releases.isDocumented(base);
    const removedLinks = baseDocumented
      ? `Each links to its entry in the ${base} reference; a `
      : 'Each links to its entry in the newest documented release that has it, if any; a ';
    const over = steps.length > 1 ? [text(` It spans the releases ${steps.slice(0, -1).join(', ')} and ${version}, and names the one that made each change.`)] : [];
    return {
      frontMatter: {
        title: `What changed in ${version}`,
        sidebar_label: 'What changed',
        sidebar_position: 90,
        description: `Every vcluster.yaml field added, removed, retyped or given a new default in vCluster ${version}, compared with ${base}.`,
      },
      body: [
        importDefault('Changes', `./${PARTIALS_SUBDIR_POSIX}/${CHANGES_FILE}`),
        paragraph(
          text('This page lists how '),
          code('vcluster.yaml'),
          text(` changed from vCluster ${base} to ${version}, field by field. It is generated from the ${steps.length > 1 ? "releases'" : "two releases'"} chart schemas and default values, so it is complete: nothing is left out because nobody wrote it down.`),
          ...over,
        ),
        list(
          [strong('Fields added'), text(` exist in ${version} and not in ${base}. Each links to its entry in this version's reference.`)],
          [strong('Fields removed'), text(` existed in ${base} only. ${removedLinks}`), code('vcluster.yaml'), text(` that still sets one fails validation against the ${version} chart.`)],
          [
            strong('Type changed'),
            text(' and '),
            strong('Default changed'),
            text(' compare the same field in both releases. A changed default matters when you upgrade without setting the field yourself: the virtual cluster takes the new value.'),
          ],
        ),
        paragraph(
          text('Before an upgrade, read the removed fields and changed defaults against your own '),
          code('vcluster.yaml'),
          text(', then run '),
          code('helm upgrade'),
          text(' (or '),
          code('vcluster create --upgrade'),
          text(') with the whole file.'),
        ),
        element('Changes'),
      ],
    };
  },
};
