/**
 * The banner above a page of a release that is not the current one: an
 * archived release is past its end of life (with the way to the current
 * release's same page and the checker's upgrade check); a supported older
 * release gets a short note naming the newest one.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {useActiveDocContext, useDocsVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import type {Props} from '@theme/DocVersionBanner';
import {UPGRADE_JOURNEYS_ROUTE, UPGRADE_ROUTE, checkerUrl, docsRoute} from '../../reference/urls';
import {useReleaseGroups} from '../../lib/releaseGroups';

export default function DocVersionBanner({className}: Props): ReactNode {
  const version = useDocsVersion();
  const groups = useReleaseGroups();
  const versions = useVersions(undefined);
  const active = useActiveDocContext(undefined);
  if (version.label === groups.current) return null;
  const latest = versions.find((candidate) => candidate.label === groups.current);
  const latestPage = latest && (active.alternateDocVersions[latest.name] ?? latest.docs.find((doc) => doc.id === latest.mainDocId));
  const toCurrent = latestPage ? <Link to={latestPage.path}>vCluster {groups.current}</Link> : <>vCluster {groups.current}</>;
  if (groups.archived.includes(version.label)) {
    return (
      <div className={clsx(className, 'alert alert--warning margin-bottom--md', 'release-banner')} data-release-banner="archived">
        <p className="margin-bottom--none">
          <strong>vCluster {version.label} is past its end of life.</strong> This page documents it for readers still running it. The
          supported releases are {groups.supported.join(', ')}; the newest is {toCurrent}. Before you upgrade, check your{' '}
          <code>vcluster.yaml</code> with the <Link to={checkerUrl(version.label)}>config checker&apos;s upgrade check</Link>, and follow{' '}
          <Link to={docsRoute(groups.current, groups.current, UPGRADE_ROUTE)}>Upgrading to {groups.current}</Link> or one of the{' '}
          <Link to={docsRoute(groups.current, groups.current, UPGRADE_JOURNEYS_ROUTE)}>upgrade journeys</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className={clsx(className, 'alert alert--info margin-bottom--md', 'release-banner')} data-release-banner="supported">
      <p className="margin-bottom--none">
        This page documents vCluster {version.label}, a supported release. The newest release is {toCurrent}.
      </p>
    </div>
  );
}
