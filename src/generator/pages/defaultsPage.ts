/** The default-values page of a documented release: its values.yaml, whole, every key linked (the partial of defaults/). */
import {DEFAULTS_FILE, PARTIALS_SUBDIR_POSIX} from '../../reference/files';
import {changesBaseOf} from '../../reference/releases';
import {CHANGES_ROUTE, DEFAULTS_PAGE} from '../../reference/urls';
import {code, element, importDefault, link, list, paragraph, strong, text} from './mdast';
import type {GeneratedPage} from './registry';

export const defaultsPage: GeneratedPage = {
  name: DEFAULTS_PAGE,
  create({version, releases, hasChangesPage}) {
    const base = changesBaseOf(releases.data, version);
    const changes = base === undefined
      ? [text(`${version} is the oldest release documented here, so no default is marked as changed.`)]
      : [
          text(`A key whose default changed since ${base} is marked `),
          strong(`changed in ${version}`),
          text(', with the value it had before (hover over the mark for all of it).'),
          ...(hasChangesPage ? [text(' The '), link(`./${CHANGES_ROUTE}.mdx`, 'What changed'), text(' page lists every field added, removed or given a new default.')] : []),
        ];
    return {
      frontMatter: {
        title: `Default values of ${version}`,
        sidebar_label: 'Default values',
        sidebar_position: 80,
        description: `The whole default vcluster.yaml of vCluster ${version} (the chart's values.yaml, with its comments), every key linked to its field in the reference.`,
      },
      body: [
        importDefault('Defaults', `./${PARTIALS_SUBDIR_POSIX}/${DEFAULTS_FILE}`),
        paragraph(
          text("This is the chart's own "),
          code('values.yaml'),
          text(` of vCluster ${version}, unchanged and with its comments: the value a virtual cluster gets for every key your `),
          code('vcluster.yaml'),
          text(" leaves out. It is generated from the release's chart, like the reference."),
        ),
        list(
          [
            text("Every key that is a field of the schema links to that field in this version's reference, and the head of every field in the reference has an "),
            strong('in values.yaml'),
            text(' link back to its line here. A field with no key of its own in this file (a field of a list item, or one the chart leaves unset) leads to the line of its nearest parent that has one.'),
          ],
          [text('Keys inside the value of a free-form field (such as the '), code('cpu'), text(' and '), code('memory'), text(' of a '), code('resources.limits'), text(' object) are plain text: the schema has no fields for them.')],
          changes,
          [strong('Copy values.yaml'), text(' copies the whole file and '), strong('Download values.yaml'), text(" saves it: both are the chart's file as it is.")],
        ),
        paragraph(
          text('Do not start your own configuration from a copy of the whole file: write only the keys you change, as the '),
          link('./index.mdx', 'overview'),
          text(' explains, so that an upgrade brings you the new defaults of everything else.'),
        ),
        element('Defaults'),
      ],
    };
  },
};
