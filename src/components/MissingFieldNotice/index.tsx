import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useActiveVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import {formatPath, parseAnchor} from '../../reference/configPath';
import {routeOfAnchor, type PublishedAnchors} from '../../reference/published';
import {PUBLISHED_ANCHORS, publishedUrl} from '../../reference/urls';
import {idFromHash} from '../../lib/revealField';

/**
 * A deep link to a field this page's release does not have
 * (`/docs/0.20.0/sync#sync-toHost-customResources`) must not land silently
 * at the top: this says which releases have the field and links to it there.
 * It reads the releases' anchor lists (published by gen-partials) only when
 * a link's target is missing, so other pages make no request.
 */

type Found = {anchor: string; path: string; elsewhere: Array<{label: string; href: string}>};

const anchorLists = new Map<string, Promise<PublishedAnchors | undefined>>();

function loadAnchors(url: string): Promise<PublishedAnchors | undefined> {
  let promise = anchorLists.get(url);
  if (!promise) {
    promise = fetch(url).then((response) => (response.ok ? (response.json() as Promise<PublishedAnchors>) : undefined)).catch(() => undefined);
    anchorLists.set(url, promise);
  }
  return promise;
}

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
      void Promise.all(versions.map(async (version) => ({version, anchors: await loadAnchors(withBaseUrl(publishedUrl(version.label, PUBLISHED_ANCHORS)))}))).then((lists) => {
        if (cancelled) return;
        const elsewhere = lists.flatMap(({version, anchors}) => {
          const route = anchors && routeOfAnchor(anchors, anchor);
          if (!route || withBaseUrl(route) === pathname) return [];
          return [{label: version.name === active?.name ? `${version.label}, on another page` : version.label, href: withBaseUrl(`${route}#${anchor}`)}];
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
