/**
 * The upgrade guide of a documented release ("Upgrading to 0.36.1"): every
 * curated move (src/reference/moves.ts) of the line up to that release,
 * grouped by the section of `vcluster.yaml` the key was in and named by the
 * release that made it, and the constraints an upgrade meets on the way
 * (releases to stop at or avoid, what to do first, each with its source).
 * Each key links to its field in the reference (this version's when it has
 * it, else the nearest documented release that does) and each move to the
 * what-changed entry that lists it. Every config path sits inside a link, so
 * the page's own version checks none of the older keys it names.
 */
import path from 'node:path';
import type {ListItem, PhrasingContent, RootContent} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {anchorOfPath, parsePath} from '../../reference/configPath';
import {CONDITIONS, appliesAt, type ConstraintEntry, type MoveEntry} from '../../reference/moves';
import {compareVersions, listedOn} from '../../reference/releases';
import {parseMarkdown} from '../render/description';
import {CHANGES_ROUTE, UPGRADE_JOURNEYS_ROUTE, UPGRADE_ROUTE, changeEntryId, docsRoute, upgradeEntryId} from '../../reference/urls';
import {code, link, paragraph, strong, text} from './mdast';
import type {GeneratedPage, PageContext} from './registry';

/** What src/remark/linkConfigPaths.ts takes for a config path (its CONFIG_PATH_SHAPE). */
const PATH_SHAPE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_*[\]-]+)+$/u;

const KIND_WORDS: Record<MoveEntry['kind'], string> = {rename: 'moved', reshape: 'reshaped', merge: 'merged', split: 'split up', remove: 'removed'};

function idSpan(id: string): PhrasingContent {
  return {type: 'mdxJsxTextElement', name: 'span', attributes: [{type: 'mdxJsxAttribute', name: 'id', value: id}], children: []} as MdxJsxTextElement as PhrasingContent;
}

function item(...children: RootContent[]): ListItem {
  return {type: 'listItem', spread: false, children: children as ListItem['children']};
}

function heading(value: string, id: string): RootContent {
  return {type: 'heading', depth: 2, children: [text(`${value} `), {type: 'mdxTextExpression', value: `/* #${id} */`} as PhrasingContent]};
}

/** Links to a field: this version's page (relative, checked by Docusaurus) or another documented release's route. */
function fieldLinker(context: PageContext): (path: string, release: string) => string | undefined {
  const {version, releases, pages} = context;
  const current = releases.current;
  const own = pages?.get(version);
  const pageOfRoute = new Map([...(own?.routes ?? [])].map(([page, route]) => [docsRoute(version, current, route), page]));
  return (fieldPath, release) => {
    const field = releases.byPath.get(fieldPath);
    if (!field) return undefined;
    const at = releases.indexOf(release);
    const shown = releases.shownIn(field);
    const mine = shown.find((place) => place.version === version && releases.stateAt(field, releases.indexOf(version)));
    if (mine && own) {
      const page = pageOfRoute.get(mine.route);
      if (page) return `./${path.relative(own.docsDir, page).split(path.sep).join('/')}#${mine.anchor}`;
    }
    const near = shown.filter((place) => releases.indexOf(place.version) <= at).sort((a, b) => releases.indexOf(b.version) - releases.indexOf(a.version))[0] ?? shown[0];
    return near && `pathname://${near.route}#${near.anchor}`;
  };
}

/**
 * The link to the upgrade journeys of the current release, when its docs have
 * them: relative on the current release's own guide (checked by Docusaurus),
 * by route on an older release's.
 */
function journeysLink(context: PageContext): string | undefined {
  const {version, releases, pages} = context;
  const current = releases.current;
  const map = pages?.get(current);
  const page = [...(map?.routes ?? [])].find(([, route]) => route === UPGRADE_JOURNEYS_ROUTE)?.[0];
  if (!map || !page) return undefined;
  return version === current ? `./${path.relative(map.docsDir, page).split(path.sep).join('/')}` : `pathname://${docsRoute(current, current, UPGRADE_JOURNEYS_ROUTE)}`;
}

/** The top-level section a move belongs to: its (first) old key's. */
const sectionOf = (move: MoveEntry): string => {
  const first = parsePath(move.from[0])[0];
  return first?.kind === 'property' ? first.key : move.from[0];
};

function createUpgradePage(context: PageContext) {
  const {version, releases, moves} = context;
  if (!moves) return undefined;
  const line = releases.data.releases;
  const first = line[0];
  const upTo = (release: string) => compareVersions(release, version) <= 0;
  const applied = moves.moves.filter((move) => upTo(appliesAt(move)));
  const constraints = moves.constraints.filter((constraint) => upTo(constraint.release));
  if (!applied.length && !constraints.length) return undefined;
  const linkField = fieldLinker(context);
  const current = releases.current;
  const topLevel = new Set(releases.data.fields.filter((field) => parsePath(field.path).length === 1).map((field) => field.path));
  /** Curated text (inline Markdown) as phrasing; a config path in it links to its field, so that no release's page checks keys of another. */
  const prose = (markdown: string, release: string): PhrasingContent[] =>
    parseMarkdown(markdown)
      .flatMap((node) => (node.type === 'paragraph' ? node.children : []))
      .map((node) =>
        node.type === 'inlineCode' && PATH_SHAPE.test(node.value) && topLevel.has(node.value.split('.')[0]) ? pathLink(node.value, release) : node,
      );
  // A key with no page in any documented release is code the config-path check leaves alone (a JSX element, not
  // inline code): the page's own release does not have it.
  const pathLink = (fieldPath: string, release: string): PhrasingContent => {
    const url = linkField(fieldPath, release);
    if (url) return {type: 'link', url, children: [code(fieldPath)]};
    return {type: 'mdxJsxTextElement', name: 'code', attributes: [], children: [text(fieldPath)]} as MdxJsxTextElement as PhrasingContent;
  };

  const changeLink = (move: MoveEntry): PhrasingContent[] => {
    const listed = listedOn(releases.data, move.release);
    const source = move.from[0];
    const field = releases.byPath.get(source);
    if (!listed || !field || releases.stateAt(field, releases.indexOf(move.release))) return [];
    const anchor = changeEntryId('removed', anchorOfPath(source));
    const url = listed === version ? `./${CHANGES_ROUTE}.mdx#${anchor}` : `pathname://${docsRoute(listed, current, CHANGES_ROUTE)}#${anchor}`;
    return [text(' '), link(url, `What changed in ${listed}`), text('.')];
  };

  const moveEntry = (move: MoveEntry): ListItem => {
    const id = upgradeEntryId('move', move.id);
    const before = line[line.indexOf(move.release) - 1];
    const head: PhrasingContent[] = [idSpan(id), strong(move.release), text(': ')];
    move.from.forEach((from, i) => head.push(...(i ? [text(', ')] : []), pathLink(from, before)));
    if (move.to && !move.from.includes(move.to)) head.push(text(' → '), pathLink(move.to, move.release));
    head.push(text(` ${KIND_WORDS[move.kind]}`));
    for (const part of move.targets ?? []) head.push(text('; '), code(part.from.slice(move.from[0].length + 1)), text(' → '), pathLink(part.to, move.release));
    head.push(text('. '), strong(move.manual ? 'Manual' : move.manualWhen ? 'Mechanical, except' : 'Mechanical'));
    if (move.manual) head.push(text(': you act on it.'));
    else if (move.manualWhen) head.push(text(' when '), ...prose(move.manualWhen, move.release), text('.'));
    else head.push(text(move.kind === 'remove' ? ': delete the key.' : move.kind === 'rename' ? ': the value moves as it is.' : ': as the example shows.'));
    if (!move.enforced) head.push(text(' The old form is still accepted.'));
    if (move.newFormSince && compareVersions(version, move.release) < 0) head.push(text(` The old form is accepted until ${move.release}.`));
    const body: RootContent[] = [paragraph(...head)];
    const more: PhrasingContent[] = [];
    if (move.instead) more.push(strong(move.kind === 'remove' ? 'Instead' : 'What you do'), text(': '), ...prose(move.instead, move.release));
    if (move.note) more.push(...(more.length ? [text(' ')] : []), ...prose(move.note, move.release));
    more.push(...changeLink(move));
    if (more.length) body.push(paragraph(...more));
    if (move.example) {
      body.push(paragraph(text(`Before (${before}) and after (${move.release}):`)));
      body.push({type: 'code', lang: 'yaml', value: move.example.before.trimEnd()}, {type: 'code', lang: 'yaml', value: move.example.after.trimEnd()});
    }
    return item(...body);
  };

  const constraintEntry = (constraint: ConstraintEntry): ListItem => {
    const id = upgradeEntryId('constraint', constraint.id);
    const what =
      constraint.kind === 'stop'
        ? ` Stop on a release from ${constraint.stopAt!.first} to ${constraint.stopAt!.last}${constraint.prefer ? ` (best ${constraint.prefer})` : ''} first.`
        : constraint.kind === 'avoid'
          ? ` Do not land on ${constraint.avoid!.join(', ')}.`
          : '';
    const from = constraint.fromBefore ? ` from a release before ${constraint.fromBefore}` : '';
    return item(
      paragraph(idSpan(id), strong(`Crossing ${constraint.release}`), text(`${from}, when `), ...prose(CONDITIONS[constraint.condition], constraint.release), text(`:${what}`)),
      paragraph(...prose(constraint.text, constraint.release)),
      paragraph(text(`Source, at the tags: ${constraint.evidence}.`)),
    );
  };

  // Sections in this version's order of top-level keys; keys it no longer has last.
  const order = new Map(releases.fieldsOf(version).filter((field) => parsePath(field.path).length === 1).map((field, i) => [field.path, i]));
  const sections = [...new Set(applied.map(sectionOf))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  const body: RootContent[] = [
    paragraph(
      text(`This page lists every move of a `),
      code('vcluster.yaml'),
      text(` key that vCluster made from ${first} up to ${version}, as the releases' source shows it: keys renamed or moved, values reshaped, keys removed (with what to do instead), and the releases an upgrade has to stop at on the way. Coming from a release, read the entries of the releases after it, oldest first.`),
    ),
    paragraph(
      text('A '),
      strong('mechanical'),
      text(' move changes nothing but the file: make it as the entry says. A '),
      strong('manual'),
      text(' one needs a decision, or work outside the file, first. Each key links to its field in the reference; the '),
      link(`./${CHANGES_ROUTE}.mdx`, 'What changed'),
      text(' pages list every field each release added, removed or gave a new default.'),
    ),
  ];
  const journeys = journeysLink(context);
  if (journeys) {
    body.push(
      paragraph(
        text(`For a whole setup followed from an older release to ${current}, with the releases to stop at and its files before and after, read the `),
        link(journeys, 'upgrade journeys'),
        text('.'),
      ),
    );
  }
  if (constraints.length) {
    body.push(heading('Releases to stop at, and what to do first', 'constraints'), {type: 'list', ordered: false, spread: false, children: constraints.map(constraintEntry)});
  }
  for (const section of sections) {
    body.push(heading(`Keys under ${section}`, `section-${anchorOfPath(section)}`), {type: 'list', ordered: false, spread: false, children: applied.filter((move) => sectionOf(move) === section).map(moveEntry)});
  }
  return {
    frontMatter: {
      title: `Upgrading to ${version}`,
      sidebar_label: 'Upgrading',
      sidebar_position: 85,
      description: `Every vcluster.yaml key vCluster moved, reshaped or removed from ${first} to ${version}, with what to do instead, and the releases an upgrade must stop at.`,
    },
    body,
  };
}

export const upgradePage: GeneratedPage = {
  name: UPGRADE_ROUTE,
  create(context) {
    const page = createUpgradePage(context);
    // Without a what-changed page of its own the intro's link has nowhere to go: the oldest release gets no guide either.
    return page && context.hasChangesPage ? page : undefined;
  },
};
