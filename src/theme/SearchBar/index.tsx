import React, {useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {useHistory} from '@docusaurus/router';
import useBaseUrl, {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useActiveVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import {searchIndexUrl} from '../../reference/urls';
import type {WireIndex} from '../../search/format';
import {prepareIndex, resultTarget, search, type PreparedIndex, type SearchResult} from './rank';
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

/** The docs version whose index to search: the one on screen, else the current one. */
function useSearchVersion(): string {
  const active = useActiveVersion(undefined);
  const versions = useVersions(undefined);
  return active?.name ?? versions.find((version) => version.name === 'current')?.name ?? versions[0]?.name ?? 'current';
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
  const indexUrl = useBaseUrl(searchIndexUrl(version));
  const [status, setStatus] = useState<Status>({state: 'idle'});
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
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

  const results = useMemo(() => (status.state === 'ready' ? search(status.index, query) : []), [status, query]);
  useEffect(() => setActive(0), [results]);

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

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    setOpen(false);
    setQuery('');
    input.current?.blur();
    history.push(withBaseUrl(resultTarget(result)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (count) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      if (!event.nativeEvent.isComposing) {
        event.preventDefault();
        choose(results[Math.min(active, count - 1)]);
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

  const showPanel = open && query.trim() !== '';
  const optionId = (index: number) => `${id}-option-${index}`;
  let message: string | undefined;
  if (status.state === 'loading') message = 'Loading the search index…';
  else if (status.state === 'error') message = 'The search index could not be loaded. It is built by "docusaurus build".';
  else if (status.state === 'ready' && !results.length) message = `No results for “${query.trim()}”`;

  return (
    <div className={styles.search} role="search">
      <input
        ref={input}
        className={styles.input}
        type="search"
        role="combobox"
        aria-label="Search pages and vcluster.yaml fields"
        aria-autocomplete="list"
        aria-expanded={showPanel && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={showPanel && results.length ? optionId(active) : undefined}
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
        <ul id={listId} role="listbox" aria-label="Search results" className={styles.results}>
          {showPanel &&
            results.map((result, index) => (
              <li
                key={`${result.kind}:${resultTarget(result)}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                data-target={resultTarget(result)}
                className={clsx(styles.result, index === active && styles.active)}
                // Keep the focus in the input until the click is done.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => index !== active && setActive(index)}
                onClick={() => choose(result)}>
                <ResultContent result={result} />
              </li>
            ))}
        </ul>
        {showPanel && message && <p className={styles.message}>{message}</p>}
      </div>
      <span className={styles.srOnly} role="status" aria-live="polite">
        {showPanel && status.state === 'ready' ? `${results.length} results` : ''}
      </span>
    </div>
  );
}
