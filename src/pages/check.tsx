/**
 * The config checker page (/check). The page itself is small and rendered on
 * the server; the checker (CodeMirror, Ajv, src/checker) is a separate chunk
 * loaded in the browser once this page has mounted, so no other page loads
 * it. (Mounting is tracked here rather than with BrowserOnly, which would
 * move that component out of the chunk every docs page shares.)
 */
import {lazy, Suspense, useEffect, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import SiteIndexAlternate from '../components/SiteIndexAlternate';

const ConfigChecker = lazy(() => import('../components/ConfigChecker'));

export default function CheckPage(): ReactNode {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <Layout title="Check your vcluster.yaml" description="Check a vcluster.yaml against a vCluster release's schema in your browser: every problem next to its line, linked to the field's docs.">
      <SiteIndexAlternate />
      <main className="container margin-vert--lg">
        <Heading as="h1">Check your vcluster.yaml</Heading>
        <p>
          Paste, type or open your <code>vcluster.yaml</code> and pick a release. Every problem shows next to the line that causes it, with a link to
          the field's docs: invalid YAML, what the release's schema rejects, unknown keys, keys of another release, what vCluster or its chart
          refuses across fields (two distros, more than one replica with the embedded database…), deprecated and Pro fields, and values you can drop
          because they equal the default. Everything runs in this page: nothing you type is sent anywhere.
        </p>
        {/* As tall as the checker when it opens, so that it takes the place of its loading text without moving what follows. */}
        <div style={{minHeight: '56rem'}}>
          {mounted ? (
            <Suspense fallback={<p>Loading the checker…</p>}>
              <ConfigChecker />
            </Suspense>
          ) : (
            <noscript>
              <p>The checker runs in your browser and needs JavaScript.</p>
            </noscript>
          )}
        </div>
      </main>
    </Layout>
  );
}
