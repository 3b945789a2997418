import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import SiteIndexAlternate from '../components/SiteIndexAlternate';

const sections = [
  {to: '/docs/control-plane', title: 'Control plane', text: 'Distribution, backing store, API server, CoreDNS and how the virtual control plane runs.'},
  {to: '/docs/sync', title: 'Sync', text: 'Which resources move between the virtual cluster and the host cluster, and how.'},
  {to: '/docs/networking', title: 'Networking', text: 'Service replication, DNS and the networking of the virtual cluster.'},
  {to: '/docs/policies', title: 'Policies', text: 'Resource quotas, limit ranges, network policies and admission control.'},
];

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
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
        <div className="row">
          {sections.map((section) => (
            <div key={section.to} className="col col--3 margin-bottom--md">
              <Link to={section.to} className="card padding--md home-card">
                <Heading as="h2">{section.title}</Heading>
                <p>{section.text}</p>
              </Link>
            </div>
          ))}
        </div>
      </main>
    </Layout>
  );
}
