/**
 * The files for machines in the production build (src/plugins/markdownTwins):
 * every page links its Markdown form and the link answers; every docs page has
 * a twin listing each field its partials show exactly once, with no raw HTML;
 * each release's llms-full.txt holds every field of the release exactly once;
 * llms.txt follows llmstxt.org and lists every twin; links inside the twins
 * lead to files and anchors that exist.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import GithubSlugger from 'github-slugger';
import type {Code, Heading, List, Root} from 'mdast';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirOf, docsDirFor} from '../../src/reference/files';
import {currentVersion, documentedVersionsSync, readManifestSync} from '../../src/reference/manifest';
import {SAMPLE_DOCUMENTED} from '../support/versions';
import {pageMapFor} from '../../src/reference/pageMap';
import {DEFAULTS_PAGE, DOCS_ROUTE, LLMS_TXT, PUBLISHED_VALUES, checkerUrl, docsRoute, llmsFullUrl, markdownTwinUrl, publishedUrl} from '../../src/reference/urls';
import {launchChromium} from '../support/browser';
import {builtSite, projectRoot} from '../support/buildDir';
import {attr, childElements, hasClass, parseHtmlDocument, textOf, walkElements} from '../../src/lib/html';
import {builtPages} from '../support/hostileSite';
import {fieldHeadings, htmlNodes, idsOf, links, markdownAlternates, notExactlyOnce, parseMarkdownFile, siteUrlOf, textOfMarkdown, walk} from '../support/markdownTwins';
import {serveBuild, type StaticSite} from '../support/staticServer';

const manifest = readManifestSync(projectRoot);
const current = currentVersion(manifest);
const versions = documentedVersionsSync(projectRoot, manifest);
/** The versions whose every page and field the heavier checks read (test/support/versions.ts). */
const sampled = versions.filter((version) => SAMPLE_DOCUMENTED.includes(version));

interface DocsPage {
  version: string;
  file: string;
  /** Site path without the baseUrl: `/docs/<version>/sync`. */
  route: string;
  /** The field paths the partials it imports show. */
  fields: string[];
}

/** Every docs page of every documented version, with the fields its reference partials show (from the sources, not the build). */
function docsPages(): DocsPage[] {
  return sampled.flatMap((version) => {
    const docsDir = docsDirFor(projectRoot, version, current);
    const {index} = readIndexedFieldsSync(partialsDirOf(docsDir), version);
    const map = pageMapFor(docsDir, projectRoot);
    return [...map.routes].map(([file, route]) => {
      const partials = new Set(map.partialsByPage.get(file) ?? []);
      return {version, file, route: docsRoute(version, current, route), fields: index.fields.filter((record) => record.partials.some((partial) => partials.has(partial))).map((record) => record.path)};
    });
  });
}

describe('Markdown twins and llms files of the build', () => {
  let build: string;
  let siteUrl: string;
  let server: StaticSite;
  const pages = docsPages();
  /** A site URL (`http://localhost:3000/docs/sync.md#x`) as the file of the build a static host serves for it (or undefined), and its fragment. */
  const fileOf = (url: string): {file?: string; hash: string} => {
    const {pathname, hash} = new URL(url);
    const base = path.join(build, decodeURIComponent(pathname));
    return {file: [base, `${base}.html`, path.join(base, 'index.html')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile()), hash: decodeURIComponent(hash.slice(1))};
  };

  before(async () => {
    build = builtSite();
    siteUrl = siteUrlOf(build);
    server = await serveBuild(build);
  });
  after(async () => {
    await server?.close();
  });

  it('finds the pages of every documented version', () => {
    for (const version of sampled) assert.ok(pages.filter((page) => page.version === version).length >= 20, `${version}: pages`);
    assert.ok(pages.some((page) => page.fields.length > 100), 'some pages show a large reference');
  });

  it('every built page links its Markdown form, and the link answers with Markdown', async () => {
    const built = (await builtPages(build)).filter((page) => page !== '404');
    assert.ok(built.length > pages.length, `${built.length} built pages`);
    for (const page of built) {
      const alternates = markdownAlternates(path.join(build, page === '' ? 'index.html' : `${page}.html`));
      assert.equal(alternates.length, 1, `/${page}: one <link rel="alternate" type="text/markdown">: ${JSON.stringify(alternates)}`);
      const [href] = alternates;
      // Docs pages link their twin beside them; the others (home, checker) link llms.txt, the site's index in Markdown.
      const docsPage = page === DOCS_ROUTE || page.startsWith(`${DOCS_ROUTE}/`);
      assert.equal(href, docsPage ? markdownTwinUrl(`/${page}`) : LLMS_TXT, `/${page}`);
      const response = await fetch(new URL(href.slice(1), server.origin));
      assert.equal(response.status, 200, `${href} answers`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/(markdown|plain)/u, href);
      assert.match(await response.text(), /^# \S/u, `${href} starts with its title`);
    }
  });

  it('each docs page has a twin beside it with each field of its reference exactly once and no raw HTML', () => {
    for (const page of pages) {
      const twin = path.join(build, markdownTwinUrl(page.route));
      assert.ok(existsSync(twin), `${page.route}: ${twin}`);
      const tree = parseMarkdownFile(twin);
      assert.equal(tree.children[0].type, 'heading', `${page.route}: starts with a heading`);
      assert.equal((tree.children[0] as Heading).depth, 1, `${page.route}: its title is the h1`);
      assert.deepEqual(htmlNodes(tree), [], `${page.route}: raw HTML`);
      assert.deepEqual(notExactlyOnce(fieldHeadings(tree), page.fields), {duplicated: [], missing: [], unexpected: []}, `${page.route}: its fields`);
    }
  });

  it("each release's llms-full.txt holds every page and every field of the release exactly once", () => {
    for (const version of sampled) {
      const file = path.join(build, llmsFullUrl(version, current));
      const {index} = readIndexedFieldsSync(partialsDirOf(docsDirFor(projectRoot, version, current)), version);
      const tree = parseMarkdownFile(file);
      assert.deepEqual(htmlNodes(tree), [], `${version}: raw HTML`);
      const check = notExactlyOnce(fieldHeadings(tree), index.fields.map((record) => record.path));
      assert.deepEqual(check, {duplicated: [], missing: [], unexpected: []}, `${version}: fields of ${file}`);
      const linked = new Set(links(tree));
      for (const page of pages.filter((candidate) => candidate.version === version)) {
        assert.ok(linked.has(`${siteUrl}${markdownTwinUrl(page.route)}`), `${version}: ${page.route} is in llms-full.txt`);
      }
      console.log(`${llmsFullUrl(version, current)}: ${(statSync(file).size / 1024).toFixed(1)} kB, ${index.fields.length} fields`);
    }
  });

  it('llms.txt has the llmstxt.org form and lists every twin and each version\'s llms-full.txt', () => {
    const tree = parseMarkdownFile(path.join(build, LLMS_TXT));
    const [title, summary, ...rest] = tree.children;
    assert.equal(title.type === 'heading' && title.depth, 1, 'an h1 first');
    assert.equal(summary.type, 'blockquote', 'then a summary quote');
    const sections = rest.filter((node): node is Heading => node.type === 'heading');
    assert.ok(sections.every((heading) => heading.depth === 2), 'sections are h2');
    assert.deepEqual(
      sections.map((heading) => (heading.children[0] as {value: string}).value.replace(/ \(current\)$/u, '')),
      versions.map((version) => `vCluster ${version}`),
      'one section per version, newest first',
    );
    // Each section's list: one line per file, a link first.
    const lists = rest.filter((node): node is List => node.type === 'list');
    assert.equal(lists.length, versions.length);
    for (const list of lists) {
      for (const item of list.children) {
        assert.equal(item.children.length, 1, 'one paragraph per entry');
        const [first] = (item.children[0] as {children: Root['children']}).children;
        assert.equal(first.type, 'link', 'each entry starts with its link');
      }
    }
    const listed = links(tree);
    assert.deepEqual(htmlNodes(tree), []);
    for (const page of pages) assert.ok(listed.includes(`${siteUrl}${markdownTwinUrl(page.route)}`), `llms.txt lists ${page.route}`);
    for (const version of versions) assert.ok(listed.includes(`${siteUrl}${llmsFullUrl(version, current)}`), `llms.txt lists ${version}'s llms-full.txt`);
    for (const url of listed) assert.ok(fileOf(url).file, `${url} is in the build`);
  });

  it("each page's description is its front matter's or its first paragraph, whole, in the meta tags and llms.txt", () => {
    const oneLine = (value: string) => value.replace(/\s+/gu, ' ').trim();
    const llms = readFileSync(path.join(build, LLMS_TXT), 'utf8');
    let derived = 0;
    for (const page of pages) {
      const document = parseHtmlDocument(readFileSync(path.join(build, `${page.route}.html`), 'utf8'));
      const meta = (key: string, name: string) => [...walkElements(document)].find((element) => element.tagName === 'meta' && attr(element, key) === name);
      const description = attr(meta('name', 'description')!, 'content') ?? '';
      assert.equal(attr(meta('property', 'og:description')!, 'content'), description, `${page.route}: og:description`);
      const own = /^description:/mu.test(readFileSync(page.file, 'utf8').split(/^---$/mu)[1] ?? '');
      if (!own) {
        // The first paragraph of the page's Markdown, as the page shows it.
        const body = [...walkElements(document)].find((element) => hasClass(element, 'theme-doc-markdown'))!;
        const first = childElements(body).find((element) => element.tagName === 'p');
        assert.ok(first, `${page.route}: a first paragraph`);
        assert.equal(description, oneLine(textOf(first)), `${page.route}: the description is the first paragraph, whole`);
        derived++;
      }
      // llms.txt lists the page with its description, or the first sentence of it.
      const line = llms.split('\n').find((candidate) => candidate.includes(`](${siteUrl}${markdownTwinUrl(page.route)})`));
      const listed = line?.split(`${markdownTwinUrl(page.route)}): `)[1];
      if (listed !== undefined) assert.ok(description.replace(/`/gu, '').startsWith(listed.replace(/\\/gu, '').replace(/`/gu, '')), `${page.route}: llms.txt says "${listed}", the page "${description}"`);
    }
    assert.ok(derived > 10, `${derived} pages describe themselves by their first paragraph`);
  });

  it('links in the twins lead to files of the build, and their fragments to headings of the twin as Markdown renderers id them', () => {
    const ids = new Map<string, Set<string>>();
    /** The ids a renderer gives the headings of a Markdown file (GitHub's slugs, numbered when repeated); an HTML file's own ids. */
    const idsIn = (file: string): Set<string> => {
      if (!ids.has(file)) {
        const slugger = new GithubSlugger();
        ids.set(file, file.endsWith('.md') ? new Set([...walk(parseMarkdownFile(file))].filter((node) => node.type === 'heading').map((heading) => slugger.slug(textOfMarkdown({type: 'root', children: [heading as Heading]})))) : idsOf(file));
      }
      return ids.get(file)!;
    };
    let checked = 0;
    let fragments = 0;
    for (const page of pages) {
      for (const url of links(parseMarkdownFile(path.join(build, markdownTwinUrl(page.route))))) {
        assert.doesNotMatch(url, /^\s*(javascript|data|vbscript):/iu, `${page.route}: ${url}`);
        if (!url.startsWith(`${siteUrl}/`)) continue;
        const {file, hash} = fileOf(url);
        assert.ok(file, `${page.route}: ${url} is in the build`);
        if (hash && /\.(md|html)$/u.test(file)) {
          assert.ok(idsIn(file).has(hash), `${page.route}: ${url}: ${path.relative(build, file)} has a heading with the id ${hash}`);
          fragments++;
        }
        checked++;
      }
    }
    assert.ok(checked > pages.length * 5 && fragments > pages.length, `${checked} links checked in ${pages.length} twins, ${fragments} with a fragment`);
  });

  it('turns MDX into plain Markdown: admonitions as quotes, code blocks with their titles, components by their meaning', () => {
    const read = (route: string) => readFileSync(path.join(build, markdownTwinUrl(route)), 'utf8');
    let admonitions = 0;
    let fences = 0;
    for (const page of pages) {
      const source = readFileSync(page.file, 'utf8');
      const text = read(page.route);
      // Each admonition of the page's own source, as a quote led by its kind and title.
      for (const [, kind, title] of source.matchAll(/^:::(\w+)(?:\[(.*)\])?\s*$/gmu)) {
        const lead = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${title ? `: ${title}` : ''}`;
        assert.ok(text.includes(`> **${lead}**`), `${page.route}: the admonition "${lead}"`);
        admonitions++;
      }
      // Each fenced block keeps its language and meta (a checked example its title).
      for (const [, info] of source.matchAll(/^```(\S.*)$/gmu)) {
        assert.ok(text.includes(`\`\`\`${info.trim()}\n`), `${page.route}: the code block \`\`\`${info}`);
        fences++;
      }
      assert.doesNotMatch(text, /^(import|export) /mu, `${page.route}: no ESM`);
      assert.ok(!text.includes('{/*'), `${page.route}: no MDX comments`);
      const tree = parseMarkdownFile(path.join(build, markdownTwinUrl(page.route)));
      const types = new Set([...walk(tree)].map((node) => node.type));
      for (const type of types) assert.ok(!/^mdx|Directive$/u.test(type), `${page.route}: ${type}`);
    }
    assert.ok(admonitions > 10 && fences > 50, `${admonitions} admonitions, ${fences} code blocks`);
    assert.ok(read('/docs').includes(`# yaml-language-server: $schema=${siteUrl}/schemas/${current}/vcluster.schema.json`), 'EditorSchema by its meaning');
  });

  it("each version's default-values twin holds its values.yaml exactly, and the overview links the checker", () => {
    for (const version of sampled) {
      const route = docsRoute(version, current, DEFAULTS_PAGE);
      const tree = parseMarkdownFile(path.join(build, markdownTwinUrl(route)));
      const blocks = [...walk(tree)].filter((node): node is Code => node.type === 'code' && node.lang === 'yaml' && (node.meta ?? '').includes(PUBLISHED_VALUES));
      const published = readFileSync(path.join(build, publishedUrl(version, PUBLISHED_VALUES)), 'utf8');
      assert.equal(blocks.length, 1, `${route}: one values.yaml block`);
      assert.equal(`${blocks[0].value}\n`, published, `${route}: the block is the published file`);
      assert.ok(links(tree).includes(`${siteUrl}${publishedUrl(version, PUBLISHED_VALUES)}`), `${route}: links the published file`);
      const overview = parseMarkdownFile(path.join(build, markdownTwinUrl(docsRoute(version, current))));
      assert.ok(links(overview).includes(`${siteUrl}${checkerUrl(version)}`), `${version} overview: links the checker set to its release`);
    }
  });

  it('the twin link follows client-side navigation', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}docs/sync`, {waitUntil: 'load'});
      const twin = () => page.evaluate(() => [...document.head.querySelectorAll('link[rel="alternate"][type="text/markdown"]')].map((link) => link.getAttribute('href')));
      // After hydration the head manager re-renders its tags: wait for it.
      await page.waitForFunction(() => document.head.querySelector('link[rel="alternate"][type="text/markdown"]:not([data-rh="true"]), link[rel="alternate"][type="text/markdown"]') !== null && document.readyState === 'complete');
      await page.waitForTimeout(500);
      assert.deepEqual(await twin(), ['/docs/sync.md']);
      await page.locator('nav.menu a[href="/docs/networking"]').first().click();
      await page.waitForURL(/\/docs\/networking$/u);
      await page.waitForFunction(() => document.head.querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href') === '/docs/networking.md', undefined, {timeout: 5000});
      assert.deepEqual(await twin(), ['/docs/networking.md'], 'one link, the new page\'s');
    } finally {
      await browser.close();
    }
  });
});
