/**
 * The site's address in what a production build publishes (src/siteAddress.ts):
 * a build without DOCS_URL fails at once with a message that says what to set,
 * and writes nothing; the test build (given DOCS_URL) carries that address in
 * llms.txt, llms-full.txt, the Markdown twins, the sitemap, og:url and the
 * editor's `$schema=` line, and no other (the dev server's address least of all).
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {LLMS_TXT, PUBLISHED_SCHEMA, llmsFullUrl, markdownTwinUrl, publishedUrl} from '../../src/reference/urls';
import {LOCAL_URL} from '../../src/siteAddress';
import {builtSite, projectRoot} from '../support/buildDir';
import {links, parseMarkdownFile} from '../support/markdownTwins';
import {CURRENT, DOCUMENTED} from '../support/versions';

const TEXT_FILES = /\.(html|md|txt|xml|json|js|css)$/u;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

describe('the address a production build publishes', () => {
  it('a build without DOCS_URL fails at once, naming DOCS_URL, and writes nothing', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'docs-no-address-'));
    rmSync(out, {recursive: true});
    const {DOCS_URL: _url, ...env} = process.env;
    const started = Date.now();
    const result = spawnSync('npx', ['docusaurus', 'build', '--out-dir', out], {cwd: projectRoot, env, encoding: 'utf8', timeout: 120_000});
    const output = `${result.stdout}\n${result.stderr}`;
    try {
      assert.notEqual(result.status, 0, `the build must fail; output:\n${output.slice(-3000)}`);
      assert.match(output, /DOCS_URL is not set/u, 'the message names the variable');
      assert.match(output, /DOCS_URL=https:\/\/\S+ npm run build/u, 'and shows how to set it');
      assert.ok(output.includes(`DOCS_URL=${LOCAL_URL} npm run build && npm run serve`), 'and how to preview a build on this machine');
      assert.ok(!existsSync(out), 'nothing was written');
      assert.ok(Date.now() - started < 60_000, 'it fails before compiling anything');
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
  });

  it('the build carries the address it was given everywhere, and no other', () => {
    const build = builtSite();
    const address = process.env.DOCS_URL;
    assert.ok(address, 'npm test gives its build an address (scripts/run-tests.mjs)');
    const origin = address.replace(/\/+$/u, '');
    // No file of the build names the dev server's address.
    const local = [...files(build)].filter((file) => TEXT_FILES.test(file) && readFileSync(file, 'utf8').includes(LOCAL_URL.replace(/^http:\/\//u, '')));
    assert.deepEqual(local.map((file) => path.relative(build, file)), [], `files naming ${LOCAL_URL}`);
    const read = (route: string) => readFileSync(path.join(build, route), 'utf8');

    // llms.txt and each version's llms-full.txt and twins link with the address.
    for (const file of [LLMS_TXT, ...DOCUMENTED.map((version) => llmsFullUrl(version, CURRENT)), markdownTwinUrl('/docs/sync')]) {
      const onSite = links(parseMarkdownFile(path.join(build, file))).filter((url) => url.startsWith(`${origin}/`));
      assert.ok(onSite.length > 10, `${file}: ${onSite.length} links on ${origin}`);
    }
    // The sitemap, og:url and canonical links.
    const sitemap = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => match[1]);
    assert.ok(sitemap.length > 50 && sitemap.every((url) => url.startsWith(`${origin}/`)), `sitemap.xml: ${sitemap.find((url) => !url.startsWith(origin))}`);
    const page = read('docs/sync.html');
    assert.match(page, new RegExp(`property="?og:url"? content="?${origin.replace(/[.]/gu, '\\.')}/docs/sync"?`, 'u'), 'og:url');
    // The editor line the overview asks readers to paste, on the page and in its twin.
    const schemaLine = `# yaml-language-server: $schema=${origin}${publishedUrl(CURRENT, PUBLISHED_SCHEMA)}`;
    assert.ok(read(markdownTwinUrl('/docs')).includes(schemaLine), `the overview's twin: ${schemaLine}`);
    assert.ok(read('docs.html').replace(/<[^>]+>/gu, '').includes(schemaLine), `the overview: ${schemaLine}`);
  });
});
