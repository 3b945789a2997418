import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkGfm from 'remark-gfm';
import {codeTheme} from './src/lib/prismThemes';
import {currentReleasePermalinks, docsVersionOptions, releaseGroups} from './src/siteVersions';
import {CHECKER_ROUTE} from './src/reference/urls';
import {siteAddress} from './src/siteAddress';

// The site builds under any URL and base path (PR previews use e.g. DOCS_BASE_URL=/pr-123/); a production
// build needs DOCS_URL (src/siteAddress.ts).
const {url, baseUrl} = siteAddress(process.env);

const config: Config = {
  title: 'vcluster.yaml reference',
  tagline: 'Every option of the vCluster configuration file, explained and generated from the chart schema.',
  favicon: 'img/favicon.svg',
  url,
  baseUrl,
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    mermaid: true,
    // A page without a description in its front matter gets its first paragraph's text (Docusaurus's excerpt drops text between colons).
    parseFrontMatter: (require('./src/plugins/pageDescription') as typeof import('./src/plugins/pageDescription')).parseFrontMatter,
    hooks: {onBrokenMarkdownLinks: 'throw'},
  },
  future: {
    // All v4 flags but CSS cascade layers: their specificity polyfill outranks the site's own CSS.
    v4: {
      removeLegacyPostBuildHeadAttribute: true,
      useCssCascadeLayers: false,
      siteStorageNamespacing: true,
      fasterByDefault: true,
      mdx1CompatDisabledByDefault: true,
    },
    faster: true,
  },

  i18n: {defaultLocale: 'en', locales: ['en']},
  // The version menu and the banners group the releases (src/siteVersions.ts).
  customFields: {releases: releaseGroups(__dirname)},

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          ...docsVersionOptions(__dirname),
          // Config paths in inline code become links to their field (before Docusaurus resolves .mdx links);
          // every ```yaml title="vcluster.yaml" example is validated against its version's chart schema.
          beforeDefaultRemarkPlugins: [(require('./src/remark/linkConfigPaths') as typeof import('./src/remark/linkConfigPaths')).default],
          remarkPlugins: [
            remarkGfm,
            (require('./src/remark/validateConfigExamples') as typeof import('./src/remark/validateConfigExamples')).default,
            (require('./src/remark/entryAnchors') as typeof import('./src/remark/entryAnchors')).default,
          ],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    './src/plugins/splitHeavyChunks.ts',
    './src/plugins/lightPrism.ts',
    './src/plugins/referenceDependencies/index.ts',
    './src/plugins/configSearch/index.ts',
    // Each page's Markdown twin, each version's llms-full.txt and the site's llms.txt (after the build).
    './src/plugins/markdownTwins/index.ts',
    // The current release's pages under its own version path too (/docs/0.36.1/sync leads to /docs/sync), so that
    // a link copied today keeps showing this release after the next one; each such page names /docs/sync canonical.
    ['@docusaurus/plugin-client-redirects', {createRedirects: currentReleasePermalinks(__dirname)}],
  ],
  themes: ['@docusaurus/theme-mermaid'],
  clientModules: ['./src/clientModules/fieldDeepLink.ts', './src/clientModules/idlePrefetch.ts'],

  themeConfig: {
    image: 'img/logo.svg',
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'vcluster.yaml',
      logo: {alt: 'vcluster.yaml reference logo', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'config', position: 'left', label: 'Reference'},
        {to: '/docs/control-plane', label: 'Control plane', position: 'left'},
        {to: CHECKER_ROUTE, label: 'Check a config', position: 'left'},
        {type: 'docsVersionDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Reference',
          items: [
            {label: 'vcluster.yaml overview', to: '/docs'},
            {label: 'Control plane', to: '/docs/control-plane'},
            {label: 'Sync', to: '/docs/sync'},
          ],
        },
        {
          title: 'vCluster',
          items: [
            {label: 'vCluster on GitHub', href: 'https://github.com/loft-sh/vcluster'},
            {label: 'Chart values schema', href: 'https://github.com/loft-sh/vcluster/blob/main/chart/values.schema.json'},
          ],
        },
      ],
      copyright: 'Generated from the vCluster Helm chart schema. vCluster is a project of Loft Labs, licensed Apache-2.0.',
    },
    prism: {theme: codeTheme, darkTheme: codeTheme, additionalLanguages: ['bash']},
    tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 4},
  } satisfies Preset.ThemeConfig,
};

export default config;
