import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useActiveVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import {formatPath, parseAnchor} from '../../reference/configPath';
import {idFromHash} from '../../lib/revealField';
import {loadReleases} from '../../lib/releaseData';

/**
 * A deep link to a field this page's release does not have
 * (`/docs/0.20.0/sync#sync-toHost-customResources`) must not land silently
 * at the top: this says which documented releases show the field and links
 * to it there. It reads the release data (one file, published by
 * gen-partials) only when a link's target is missing, so other pages make
 * no request.
 */

type Found = {anchor: string; path: string; elsewhere: Array<{label: string; href: string}>};

export default function MissingFieldNotice(): ReactNode {
  const {hash, pathname} = useLocation();
  const versions = useVersions(undefined);
  const active = useActiveVersion(undefined);
  const {withBaseUrl} = useBaseUrlUtils();
  const [found, setFound] = useState<Found | undefined>();
  const notice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setFound(undefined);
    const anchor = idFromHash(hash);
    if (!anchor) return undefined;
    let cancelled = false;
    // After this render the page's own elements exist: only a missing target needs the lists.
    const frame = requestAnimationFrame(() => {
      if (document.getElementById(anchor)) return;
      // This release's other pages too: the link may only point at the wrong page.
      void loadReleases(withBaseUrl)
        .then((releases) => {
          const field = releases.byAnchor(anchor);
          // Only the versions this build serves (DOCS_VERSIONS may leave some out).
          const served = new Set(versions.map((version) => version.label));
          return (field ? releases.shownIn(field) : []).filter((place) => served.has(place.version));
        })
        .catch(() => [])
        .then((places) => {
          if (cancelled) return;
          const elsewhere = places.flatMap(({version, route, anchor: there}) => {
            if (withBaseUrl(route) === pathname) return [];
            return [{label: version === active?.label ? `${version}, on another page` : version, href: withBaseUrl(`${route}#${there}`)}];
          });
          setFound({anchor, path: formatPath(parseAnchor(anchor)), elsewhere});
        });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [hash, pathname, active?.name]);

  useEffect(() => {
    if (found) notice.current?.focus();
  }, [found]);

  if (!found) return null;
  return (
    <div ref={notice} tabIndex={-1} role="note" className="alert alert--warning margin-bottom--md missing-field">
      <p className="margin-bottom--sm">
        vCluster {active?.label} has no <code>{found.path}</code> on this page (the link asked for <code>#{found.anchor}</code>).
      </p>
      {found.elsewhere.length ? (
        <p className="margin-bottom--none">
          It is in{' '}
          {found.elsewhere.map((place, i) => (
            <React.Fragment key={place.label}>
              {i > 0 && (i === found.elsewhere.length - 1 ? ' and ' : ', ')}
              <a href={place.href}>vCluster {place.label}</a>
            </React.Fragment>
          ))}
          .
        </p>
      ) : (
        <p className="margin-bottom--none">No other documented release has it either.</p>
      )}
    </div>
  );
}
