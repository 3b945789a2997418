import React, {useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {useHistory} from '@docusaurus/router';
import useBaseUrl, {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useActiveVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import {loadReleases} from '../../lib/releaseData';
import {searchIndexUrl} from '../../reference/urls';
import type {WireIndex} from '../../search/format';
import {correctQuery, fieldsElsewhere, prepareIndex, resultTarget, search, type FieldElsewhere, type PreparedIndex, type SearchResult} from './rank';
import styles from './styles.module.css';

/**
 * The navbar search: narrative pages and every field of the reference, offline.
 * The index of the docs version on screen (src/reference/urls.ts `searchIndexUrl`, written by
 * src/plugins/configSearch after the build) is fetched on first focus.
 */

type Status = {state: 'idle' | 'loading'} | {state: 'ready'; index: PreparedIndex} | {state: 'error'};

/** Indexes already fetched, kept across page navigations (the navbar re-mounts). */
const indexes = new Map<string, Promise<PreparedIndex>>();

function loadIndex(url: string): Promise<PreparedIndex> {
  let promise = indexes.get(url);
  if (!promise) {
    promise = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return prepareIndex((await response.json()) as WireIndex);
    });
    promise.catch(() => indexes.delete(url));
    indexes.set(url, promise);
  }
  return promise;
}

/** The docs version whose index to search, the one on screen, else the current one: its name (`current`, `0.21.0`) and release. */
function useSearchVersion(): {name: string; release: string} {
  const active = useActiveVersion(undefined);
  const versions = useVersions(undefined);
  const version = active ?? versions.find((candidate) => candidate.name === 'current') ?? versions[0];
  return {name: version?.name ?? 'current', release: version?.label ?? ''};
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A dotted path that breaks only after its dots, with the field's own key in bold. */
function PathLabel({path, name}: {path: string; name: string}): ReactNode {
  const at = path.length - name.length;
  const own = at > 0 && path.slice(at) === name;
  const parts = (own ? path.slice(0, at) : '').split(/(?<=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          {part}
          {part && <wbr />}
        </React.Fragment>
      ))}
      <strong>{own ? name : path}</strong>
    </>
  );
}

/** A field the release on screen lacks, shown by another documented release. */
function ElsewhereContent({field}: {field: FieldElsewhere & {shown: NonNullable<FieldElsewhere['shown']>}}) {
  return (
    <>
      <span className={styles.line}>
        <code className={styles.path}>
          <PathLabel path={field.path} name={field.path.slice(field.path.lastIndexOf('.') + 1)} />
        </code>
        {field.addedIn && <span className="badge badge--secondary">added in {field.addedIn}</span>}
        {field.removedIn && <span className="badge badge--danger">removed in {field.removedIn}</span>}
      </span>
      <span className={styles.where}>vCluster {field.shown.version}</span>
    </>
  );
}

/** What the other releases have that this one lacks and no documented release shows: in words. */
function undocumented(fields: readonly FieldElsewhere[]): string {
  return fields
    .map((field) => `${field.path}${field.addedIn ? ` (added in ${field.addedIn})` : field.removedIn ? ` (removed in ${field.removedIn})` : ''}`)
    .join(', ');
}

function ResultContent({result}: {result: SearchResult}) {
  if (result.kind === 'field') {
    const {field} = result;
    return (
      <>
        <span className={styles.line}>
          <code className={styles.path}>
            <PathLabel path={field.path} name={field.name} />
          </code>
          <span className={styles.type}>{field.type}</span>
          {field.pro && <span className="badge badge--primary">{field.marks?.proWhen ? `Pro ${field.marks.proWhen.join(' or ')}` : 'Pro'}</span>}
          {field.deprecated && <span className="badge badge--warning">{field.marks?.use ? `deprecated: use ${field.marks.use}` : 'deprecated'}</span>}
          {field.marks?.since && <span className="badge badge--secondary">since {field.marks.since}</span>}
          {field.marks?.removedIn && <span className="badge badge--danger">removed in {field.marks.removedIn}</span>}
          {result.was && <span className="badge badge--secondary">was {result.was}</span>}
        </span>
        {field.description && <span className={styles.detail}>{field.description}</span>}
        <span className={styles.where}>{field.pageTitle}</span>
      </>
    );
  }
  return (
    <>
      <span className={styles.line}>
        <span className={styles.title}>{result.page.title}</span>
      </span>
      {result.heading && <span className={styles.detail}>{result.heading}</span>}
    </>
  );
}

export default function SearchBar(): ReactNode {
  const history = useHistory();
  const {withBaseUrl} = useBaseUrlUtils();
  const version = useSearchVersion();
  const indexUrl = useBaseUrl(searchIndexUrl(version.name));
  const [status, setStatus] = useState<Status>({state: 'idle'});
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [elsewhere, setElsewhere] = useState<{query: string; fields: FieldElsewhere[]} | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const loadedUrl = useRef<string | undefined>(undefined);
  const id = useId();
  const listId = `${id}-results`;

  const load = useCallback(() => {
    if (loadedUrl.current === indexUrl) return;
    loadedUrl.current = indexUrl;
    setStatus({state: 'loading'});
    loadIndex(indexUrl).then(
      (index) => loadedUrl.current === indexUrl && setStatus({state: 'ready', index}),
      () => {
        if (loadedUrl.current !== indexUrl) return;
        loadedUrl.current = undefined;
        setStatus({state: 'error'});
      },
    );
  }, [indexUrl]);

  // Another version on screen: its index on the next focus (or now, if one was loaded).
  useEffect(() => {
    if (loadedUrl.current !== undefined && loadedUrl.current !== indexUrl) {
      loadedUrl.current = undefined;
      load();
    }
  }, [indexUrl, load]);

  // The query as typed, else (when it finds nothing) with its misspelt words corrected.
  const {results, corrected} = useMemo((): {results: SearchResult[]; corrected?: string} => {
    if (status.state !== 'ready') return {results: []};
    const direct = search(status.index, query);
    if (direct.length) return {results: direct};
    const fixed = correctQuery(status.index, query);
    return fixed === undefined ? {results: []} : {results: search(status.index, fixed), corrected: fixed};
  }, [status, query]);

  // Nothing in this release: which other releases have a field of that name (the release data, fetched only now).
  const trimmed = query.trim();
  const nothing = status.state === 'ready' && trimmed !== '' && !results.length;
  useEffect(() => {
    if (!nothing || !version.release) return undefined;
    let cancelled = false;
    loadReleases(withBaseUrl).then(
      (releases) => !cancelled && setElsewhere({query: trimmed, fields: fieldsElsewhere(releases, version.release, trimmed)}),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [nothing, trimmed, version.release]);
  const otherReleases = nothing && elsewhere?.query === trimmed ? elsewhere.fields : [];
  const shownElsewhere = otherReleases.filter((field): field is FieldElsewhere & {shown: NonNullable<FieldElsewhere['shown']>} => field.shown !== undefined);

  /** Every option: the results, else the fields other documented releases show; each with where it leads (without the baseUrl). */
  const options: Array<{key: string; target: string; content: ReactNode}> = results.length
    ? results.map((result) => ({key: `${result.kind}:${resultTarget(result)}`, target: resultTarget(result), content: <ResultContent result={result} />}))
    : shownElsewhere.map((field) => ({key: `elsewhere:${field.path}`, target: `${field.shown.route}#${field.shown.anchor}`, content: <ElsewhereContent field={field} />}));
  useEffect(() => setActive(0), [results, shownElsewhere.length]);

  // `/` or Ctrl-K (⌘K) focuses the search from anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!shortcut && (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const choose = (target: string | undefined) => {
    if (target === undefined) return;
    setOpen(false);
    setQuery('');
    input.current?.blur();
    history.push(withBaseUrl(target));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (count) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      if (!event.nativeEvent.isComposing) {
        event.preventDefault();
        choose(options[Math.min(active, count - 1)]?.target);
      }
    } else if (event.key === 'Escape') {
      // First close the results (keeping the query, unlike the browser's own Escape), then clear and leave.
      if (open && query) {
        event.preventDefault();
        setOpen(false);
      } else {
        setQuery('');
        input.current?.blur();
      }
    }
  };

  const showPanel = open && trimmed !== '';
  const optionId = (index: number) => `${id}-option-${index}`;
  const messages: string[] = [];
  if (status.state === 'loading') messages.push('Loading the search index…');
  else if (status.state === 'error') messages.push('The search index could not be loaded. It is built by "docusaurus build".');
  else if (corrected !== undefined && results.length) messages.push(`No results for “${trimmed}”. Showing results for “${corrected}”.`);
  else if (nothing) {
    messages.push(`No results for “${trimmed}” in vCluster ${version.release}.`);
    if (shownElsewhere.length) messages.push(`${shownElsewhere.length === 1 ? 'Another release has it' : 'Other releases have them'}:`);
    const rest = otherReleases.filter((field) => !field.shown);
    if (rest.length) messages.push(`Releases this site does not document have ${undocumented(rest)}.`);
  }
  const count = options.length;
  const announced = !showPanel || status.state !== 'ready' ? '' : results.length ? `${count} ${count === 1 ? 'result' : 'results'}${corrected === undefined ? '' : ` for “${corrected}”`}` : messages.join(' ');

  return (
    <div className={styles.search} role="search">
      <input
        ref={input}
        className={styles.input}
        type="search"
        role="combobox"
        aria-label="Search pages and vcluster.yaml fields"
        aria-autocomplete="list"
        aria-expanded={showPanel && count > 0}
        aria-controls={listId}
        aria-activedescendant={showPanel && count ? optionId(active) : undefined}
        aria-keyshortcuts="/ Control+K"
        placeholder="Search"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="go"
        value={query}
        onFocus={() => {
          load();
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onChange={(event) => {
          load();
          setQuery(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {!query && (
        <kbd className={styles.hint} aria-hidden="true">
          /
        </kbd>
      )}
      <div className={clsx(styles.panel, !showPanel && styles.hidden)}>
        {showPanel && messages.length > 0 && (
          <p className={styles.message}>
            {messages.map((message, i) => (
              <React.Fragment key={i}>
                {i > 0 && ' '}
                {message}
              </React.Fragment>
            ))}
          </p>
        )}
        {/* Each option is a link: it opens in a new tab or window as links do (the focus stays in the input). */}
        <div id={listId} role="listbox" aria-label="Search results" className={styles.results}>
          {showPanel &&
            options.map((option, index) => (
              <a
                key={option.key}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                href={withBaseUrl(option.target)}
                tabIndex={-1}
                data-target={option.target}
                className={clsx(styles.result, index === active && styles.active)}
                // Keep the focus in the input until the click is done.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => index !== active && setActive(index)}
                onClick={(event) => {
                  // A click with a modifier or another button is the browser's: a new tab or window.
                  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  choose(option.target);
                }}>
                {option.content}
              </a>
            ))}
        </div>
      </div>
      <span className={styles.srOnly} role="status" aria-live="polite">
        {announced}
      </span>
    </div>
  );
}
