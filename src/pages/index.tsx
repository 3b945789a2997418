import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useLatestVersion} from '@docusaurus/plugin-content-docs/client';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import SiteIndexAlternate from '../components/SiteIndexAlternate';
import {CHANGES_ROUTE, CHECKER_ROUTE, DEFAULTS_PAGE, DOCS_ROUTE, UPGRADE_ROUTE} from '../reference/urls';

/** What the site does beyond the pages: each tool in one sentence, linked (the current release's pages). */
const tools = [
  {to: CHECKER_ROUTE, title: 'Check your vcluster.yaml', text: 'Paste your file: every problem is shown on its line, against the release you choose, with the minimal file and an upgrade check. Nothing leaves your browser.'},
  {to: `/${DOCS_ROUTE}/${DEFAULTS_PAGE}`, title: 'Default values', text: "The chart's values.yaml as released, every key linked to its field, with the defaults that changed marked."},
  {to: `/${DOCS_ROUTE}/${CHANGES_ROUTE}`, title: 'What changed', text: 'Fields added, removed, retyped, deprecated or given a new default since the previous release, each linked.'},
  {to: `/${DOCS_ROUTE}/${UPGRADE_ROUTE}`, title: 'Upgrading', text: 'Every key vCluster moved, reshaped or removed up to this release, with what to do instead and the releases to stop at.'},
];

const sections = [
  {to: '/docs/control-plane', title: 'Control plane', text: 'Distribution, backing store, API server, CoreDNS and how the virtual control plane runs.'},
  {to: '/docs/sync', title: 'Sync', text: 'Which resources move between the virtual cluster and the host cluster, and how.'},
  {to: '/docs/networking', title: 'Networking', text: 'Service replication, DNS and the networking of the virtual cluster.'},
  {to: '/docs/policies', title: 'Policies', text: 'Resource quotas, limit ranges, network policies and admission control.'},
];

/** A row of linked cards, each a title and a sentence. */
function Cards({cards, columns}: {cards: ReadonlyArray<{to: string; title: string; text: string}>; columns: 3 | 4}) {
  return (
    <div className="row">
      {cards.map((card) => (
        <div key={card.to} className={`col col--${columns} margin-bottom--md`}>
          <Link to={card.to} className="card padding--md home-card">
            <Heading as="h3">{card.title}</Heading>
            <p>{card.text}</p>
          </Link>
        </div>
      ))}
    </div>
  );
}

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  // A generated page exists only where its release has one (the first release of a line has nothing to compare with).
  const docs = new Set(useLatestVersion(undefined).docs.map((doc) => doc.path));
  const docsBase = useBaseUrl('/');
  const present = tools.filter((tool) => !tool.to.startsWith(`/${DOCS_ROUTE}/`) || docs.has(`${docsBase}${tool.to.slice(1)}`));
  return (
    <Layout title="vcluster.yaml reference" description={siteConfig.tagline}>
      <SiteIndexAlternate />
      <header className="hero hero--primary home-hero">
        <div className="container">
          <Heading as="h1" className="hero__title">
            The <code>vcluster.yaml</code> reference
          </Heading>
          <p className="hero__subtitle">{siteConfig.tagline}</p>
          <Link className="button button--secondary button--lg" to="/docs">
            Read the overview
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <p>
          <code>vcluster.yaml</code> configures a virtual cluster: it holds the Helm values of the vCluster chart. Each page here explains when and
          why to use a part of it, and lists every field of that part with its type, default and allowed values, generated from the chart's own
          schema for each release.
        </p>
        <Heading as="h2">What this site does for you</Heading>
        <Cards cards={present} columns={present.length === 4 ? 4 : 3} />
        <Heading as="h2">The reference, part by part</Heading>
        <Cards cards={sections} columns={3} />
      </main>
    </Layout>
  );
}
