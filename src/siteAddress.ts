/**
 * The site's address (Docusaurus's `url` and `baseUrl`), from the environment.
 *
 * A production build writes its address into what leaves the site: llms.txt
 * and llms-full.txt, every Markdown twin, the sitemap, `og:url` and canonical
 * links, and the `$schema=` line the overview tells readers to paste into
 * their vcluster.yaml. So a production build without `DOCS_URL` fails
 * instead of publishing a made-up address; the dev server (`npm start`),
 * which publishes nothing, serves on the local address.
 */

/** The dev server's address, and the one to give a build that is only previewed here (`npm run serve`). */
export const LOCAL_URL = 'http://localhost:3000';

export class MissingSiteAddressError extends Error {
  constructor() {
    super(
      [
        'DOCS_URL is not set. A production build writes the site\'s address into llms.txt, the Markdown twins, the sitemap,',
        'og:url and the editor\'s $schema line, so it needs the address the site will be served at:',
        '  DOCS_URL=https://docs.example.org npm run build          (DOCS_BASE_URL=/sub/path/ under a sub-path)',
        `To preview the build on this machine: DOCS_URL=${LOCAL_URL} npm run build && npm run serve`,
      ].join('\n'),
    );
    this.name = 'MissingSiteAddressError';
  }
}

export function siteAddress(env: Readonly<Record<string, string | undefined>>): {url: string; baseUrl: string} {
  const baseUrl = env.DOCS_BASE_URL || '/';
  if (env.DOCS_URL) return {url: env.DOCS_URL, baseUrl};
  // Docusaurus sets NODE_ENV=production for `docusaurus build` (not for `start`, `serve` or `build --dev`).
  if (env.NODE_ENV === 'production') throw new MissingSiteAddressError();
  return {url: LOCAL_URL, baseUrl};
}
