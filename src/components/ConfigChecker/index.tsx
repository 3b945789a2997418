/**
 * The config checker: a reader's vcluster.yaml checked against a documented
 * release (src/checker), with its findings beside the editor, the minimal
 * file, the upgrade check, the upgrade of the whole file to a later release
 * and a share link. Every step that grows with the
 * text runs in a worker (./checker.worker.ts) with a time budget and a Stop
 * button, so no file, pasted or restored from a link or from this tab's
 * storage, can hold up the page. Loaded lazily by src/pages/check.tsx, so
 * CodeMirror and this code load only on that page.
 */
import {useCallback, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useDocsPreferredVersion, useLatestVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import type {Diagnostic} from '@codemirror/lint';
import type {Finding, Severity} from '../../checker/findings';
import {plainMessage} from '../../checker/inlineCode';
import type {CheckReport} from '../../checker/report';
import type {ShareOutcome, SharedState} from '../../checker/share';
import {CHANGES_ROUTE, MOVES_URL, PUBLISHED_DIR, PUBLISHED_SCHEMA, RELEASES_URL, publishedUrl} from '../../reference/urls';
import {CONFIG_LIMITS} from '../../reference/configLimits';
import Editor, {type EditorHandle} from './Editor';
import FieldDocsLink from './FieldDocsLink';
import Message from './Message';
import MinimalSection from './MinimalSection';
import SharePanel from './SharePanel';
import UpgradeFileSection, {type UpgradeChoice} from './UpgradeFileSection';
import UpgradeSection from './UpgradeSection';
import {CHECK_BUDGET_MS, CheckStopped, CheckerClient} from './workerClient';
import styles from './styles.module.css';

/**
 * The reader's file, release and target, kept in this tab's sessionStorage, so
 * that following a link to the docs and coming back finds them again. It
 * stays in the browser, like everything else here; the page says so, and
 * offers to forget it.
 */
const STATE_KEY = 'vcluster-config-checker';

function keepState(state: SharedState): void {
  try {
    if (state.text) sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
    else sessionStorage.removeItem(STATE_KEY);
  } catch {
    // Storage may be full or forbidden: the state is then not kept.
  }
}

function lastState(): SharedState | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null');
    const {version, text, target, upgradeFrom, upgradeTo, distro} = (value ?? {}) as Partial<SharedState>;
    const named = (field: unknown): field is string => typeof field === 'string';
    return named(version) && named(text)
      ? {version, text, ...(named(target) ? {target} : {}), ...(named(upgradeFrom) ? {upgradeFrom} : {}), ...(named(upgradeTo) ? {upgradeTo} : {}), ...(named(distro) ? {distro} : {})}
      : undefined;
  } catch {
    return undefined;
  }
}

/** Typing pauses this long before a check; a paste, a drop or an opened file is checked at once. */
const TYPING_PAUSE_MS = 300;
/** A check that takes longer than this shows that it is running, with its Stop button. */
const SHOW_PROGRESS_MS = 300;
/** Findings listed at first, and more each time the reader asks. */
const FINDINGS_PAGE = 100;
/** The editor marks at most this many findings (the list has them all). */
const MAX_DIAGNOSTICS = 2000;

const CODEMIRROR_SEVERITY: Record<Severity, Diagnostic['severity']> = {error: 'error', 'release mismatch': 'error', warning: 'warning', note: 'info'};
const SEVERITY_CLASS: Record<Severity, string> = {error: styles.error!, 'release mismatch': styles.mismatch!, warning: styles.warning!, note: styles.note!};

function FindingItem({finding, index, onGo}: {finding: Finding; index: number; onGo(offset: number): void}): ReactNode {
  const messageId = `checker-finding-${index}`;
  return (
    <li className={`${styles.finding} ${SEVERITY_CLASS[finding.severity]}`} data-severity={finding.severity} data-kind={finding.kind} data-line={finding.line} data-rule={finding.rule?.id}>
      <div className={styles.findingHead}>
        <button type="button" className={styles.position} onClick={() => onGo(finding.from)} aria-describedby={messageId}>
          Line {finding.line}, column {finding.column}
        </button>
        <span className={styles.severity}>{finding.severity}</span>
        {finding.rule && <span className={styles.source}>{finding.rule.source === 'chart' ? 'the chart refuses it' : finding.rule.id.startsWith('pro-') ? 'Pro' : 'a vCluster rule'}</span>}
      </div>
      <p id={messageId} className={styles.message}>
        <Message text={finding.message} />
      </p>
      {(finding.link || finding.suggestions?.length) && (
        <p className={styles.links}>
          {finding.link && <FieldDocsLink link={finding.link} />}
          {finding.suggestions?.map((suggestion) => (
            <span key={suggestion.anchor}>
              {' · '}
              <FieldDocsLink link={suggestion}>
                <code>{suggestion.path}</code>
              </FieldDocsLink>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

type Status =
  | {kind: 'loading'}
  | {kind: 'checking'; since: number}
  | {kind: 'checked'}
  | {kind: 'stopped'; why: 'stopped' | 'budget'}
  | {kind: 'failed'; message: string};

/** A notice about where the editor's text came from: a share link that could not be used, the tab's storage. */
interface Notice {
  text: string;
  /** A link for a release the site cannot check against: its state, to open anyway. */
  state?: SharedState;
}

export default function ConfigChecker(): ReactNode {
  const versions = useVersions(undefined);
  const latest = useLatestVersion(undefined).label;
  const {preferredVersion, savePreferredVersionName} = useDocsPreferredVersion();
  const location = useLocation();
  const {withBaseUrl} = useBaseUrlUtils();
  const labels = useMemo(() => versions.map((version) => version.label), [versions]);
  const nameOf = useMemo(() => new Map(versions.map((version) => [version.label, version.name])), [versions]);
  const changesPages = useMemo(() => new Map(versions.flatMap((version) => {
    const page = version.docs.find((doc) => doc.id === CHANGES_ROUTE);
    return page ? [[version.label, page.path] as const] : [];
  })), [versions]);

  const [version, setVersion] = useState(() => {
    const asked = new URLSearchParams(location.search).get('version');
    return [asked, preferredVersion?.label].find((candidate) => candidate && labels.includes(candidate)) ?? latest;
  });
  const [target, setTarget] = useState<string>();
  const [text, setText] = useState('');
  const [report, setReport] = useState<CheckReport>();
  const [status, setStatus] = useState<Status>({kind: 'loading'});
  const [notice, setNotice] = useState<Notice>();
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const [restored, setRestored] = useState(false);
  const [upgradeChoice, setUpgradeChoice] = useState<UpgradeChoice>({});
  /** Changes when a share link's upgrade should run once its text is in the editor. */
  const [upgradeRun, setUpgradeRun] = useState(0);
  const editor = useRef<EditorHandle>(null);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The docs' version menu follows the release checked against (from the link, the menu or a share link), so the two never disagree.
  useEffect(() => {
    const name = nameOf.get(version);
    if (name && preferredVersion?.name !== name) savePreferredVersionName(name);
  }, [version, nameOf, preferredVersion, savePreferredVersionName]);

  const client = useMemo(() => {
    if (typeof window === 'undefined') return undefined;
    const absolute = (url: string) => new URL(withBaseUrl(url), window.location.href).href;
    return new CheckerClient(
      {releasesUrl: absolute(RELEASES_URL), schemaUrls: Object.fromEntries(labels.map((label) => [label, absolute(publishedUrl(label, PUBLISHED_SCHEMA))])), movesUrl: absolute(MOVES_URL), schemasUrl: absolute(`/${PUBLISHED_DIR}/`)},
      () => new Worker(new URL('./checker.worker.ts', import.meta.url)),
    );
  }, [labels, withBaseUrl]);
  useEffect(() => () => client?.dispose(), [client]);

  /** Puts a state into the page: its release, its targets and its text (checked in the worker like any other); `run`: its upgrade too (a share link's). */
  const open = useCallback(
    (state: SharedState, run = false) => {
      setVersion(state.version);
      if (state.target && labels.includes(state.target)) setTarget(state.target);
      setUpgradeChoice({...(state.upgradeFrom ? {from: state.upgradeFrom} : {}), ...(state.upgradeTo ? {to: state.upgradeTo} : {}), ...(state.distro ? {distro: state.distro} : {})});
      editor.current?.setText(state.text);
      if (run && state.upgradeFrom && state.upgradeTo) setUpgradeRun((value) => value + 1);
    },
    [labels, setVersion],
  );

  /** A share link's state (read in the worker), else what this tab last had here: the editor changes only for a state the page can use. */
  const applyOutcome = useCallback(
    (outcome: ShareOutcome, fallback: SharedState | undefined) => {
      if (outcome.kind === 'state') {
        if (labels.includes(outcome.state.version)) {
          setNotice(undefined);
          open(outcome.state, true);
          return;
        }
        setNotice({
          text: `This share link is for vCluster ${outcome.state.version}, which the checker has no schema for (it checks ${labels.join(', ')}). The editor is as it was.`,
          state: outcome.state,
        });
      } else if (outcome.kind === 'unreadable') {
        setNotice({text: `This share link cannot be read: ${outcome.reason}. The editor is as it was.`});
      }
      if (fallback) open(fallback);
    },
    [labels, open],
  );

  // Once, when the page opens: a share link, else the state this tab last had here.
  useEffect(() => {
    if (!client) return;
    const saved = lastState();
    const usable = saved && labels.includes(saved.version) ? saved : undefined;
    const fragment = window.location.hash;
    const read: Promise<ShareOutcome> = fragment.length > 1 ? client.decode(fragment) : Promise.resolve({kind: 'none'});
    read.then(
      (outcome) => applyOutcome(outcome, outcome.kind === 'state' && labels.includes(outcome.state.version) ? undefined : usable),
      () => usable && open(usable),
    ).finally(() => setRestored(true));
    // A link pasted into the address bar while the page is open.
    const onHash = () => {
      if (window.location.hash.length > 1) void client.decode(window.location.hash).then((outcome) => applyOutcome(outcome, undefined), () => undefined);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  const onChange = useCallback((next: string, immediate: boolean) => {
    clearTimeout(typing.current);
    if (immediate) setText(next);
    else typing.current = setTimeout(() => setText(next), TYPING_PAUSE_MS);
  }, []);

  // Kept when the reader leaves (a link followed, the tab hidden or closed), not at every change: a large file costs the page nothing while it is edited.
  const keep = useRef<SharedState | undefined>(undefined);
  const upgradeState = {...(upgradeChoice.from ? {upgradeFrom: upgradeChoice.from} : {}), ...(upgradeChoice.to ? {upgradeTo: upgradeChoice.to} : {}), ...(upgradeChoice.distro ? {distro: upgradeChoice.distro} : {})};
  keep.current = restored ? {version, text: editor.current?.text() ?? text, ...(target ? {target} : {}), ...upgradeState} : undefined;
  useEffect(() => {
    const save = () => keep.current && keepState(keep.current);
    const onHidden = () => document.visibilityState === 'hidden' && save();
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      save();
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  // The documented releases after this one, oldest first.
  const newer = useMemo(() => labels.filter((label) => labels.indexOf(label) < labels.indexOf(version)).reverse(), [labels, version]);
  const upgradeTo = target && newer.includes(target) ? target : newer.at(-1);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!client) return;
    let current = true;
    const started = performance.now();
    // The report shown stays until the new one comes; a long check shows that it runs, with its Stop button.
    const progress = setTimeout(() => current && setStatus((now) => (now.kind === 'loading' ? now : {kind: 'checking', since: started})), SHOW_PROGRESS_MS);
    client
      .check(text, version, upgradeTo, () => current && setStatus((now) => (now.kind === 'loading' ? {kind: 'checking', since: performance.now()} : now)))
      .then(
        ({report: next, ms}) => {
          if (!current) return;
          performance.measure('config-checker check', {start: performance.now() - ms, duration: ms});
          setReport(next);
          setShown(FINDINGS_PAGE);
          setStatus({kind: 'checked'});
        },
        (error: Error) => {
          if (!current) return;
          if (error instanceof CheckStopped) {
            if (error.why !== 'superseded') setStatus({kind: 'stopped', why: error.why});
          } else setStatus({kind: 'failed', message: error.message});
        },
      )
      .finally(() => clearTimeout(progress));
    return () => {
      current = false;
      clearTimeout(progress);
    };
  }, [client, text, version, upgradeTo, attempt]);

  const checked = report && report.version === version && report.textLength === text.length && status.kind === 'checked' ? report : undefined;

  const diagnostics = useMemo(
    () => ({
      text,
      items: (checked?.findings ?? []).slice(0, MAX_DIAGNOSTICS).map((finding): Diagnostic => ({from: finding.from, to: finding.to, severity: CODEMIRROR_SEVERITY[finding.severity], source: finding.severity, message: plainMessage(finding.message)})),
    }),
    [checked, text],
  );

  async function openFile(file: File | undefined): Promise<void> {
    if (file) editor.current?.setText(await file.text());
  }

  function forget(): void {
    editor.current?.setText('');
    setNotice(undefined);
    keep.current = undefined;
    try {
      sessionStorage.removeItem(STATE_KEY);
    } catch {
      // Nothing was kept.
    }
  }

  const summary = (() => {
    switch (status.kind) {
      case 'loading':
        return `Loading the ${version} schema…`;
      case 'checking':
        return `Checking ${text.length.toLocaleString('en-US')} characters against ${version}…`;
      case 'stopped':
        return status.why === 'budget'
          ? `The check ran for more than ${CHECK_BUDGET_MS / 1000} seconds and was stopped, so that this page stays usable. Check a smaller part of the file, or try again.`
          : 'The check was stopped. Edit the file, or check it again.';
      case 'failed':
        return `The checker failed: ${status.message}`;
      case 'checked':
        return checked?.summary ?? `Checking against ${version}…`;
    }
  })();
  const findings = checked?.findings ?? [];

  return (
    <div className={styles.checker}>
      <div className={styles.toolbar}>
        <label className={styles.control}>
          <span>Release</span>
          <select value={version} onChange={(event) => setVersion(event.target.value)} data-testid="checker-release">
            {labels.map((label) => (
              <option key={label} value={label}>
                {label}
                {label === latest ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.control}>
          <span>Open a file</span>
          <input type="file" accept=".yaml,.yml,.txt,text/yaml,application/yaml,text/plain" onChange={(event) => void openFile(event.target.files?.[0])} />
        </label>
      </div>
      {client && <SharePanel client={client} state={() => ({version, text: editor.current?.text() ?? text, ...(upgradeTo ? {target: upgradeTo} : {}), ...upgradeState})} secrets={checked?.secrets ?? []} />}
      {notice && (
        <div role="alert" className={styles.notice} data-testid="checker-notice">
          <p>{notice.text}</p>
          {notice.state && (
            <button type="button" className="button button--secondary button--sm" onClick={() => {
              const state = notice.state!;
              setNotice(undefined);
              open({...state, version});
            }}>
              Open its file against {version} anyway
            </button>
          )}
        </div>
      )}
      <div className={styles.workspace}>
        <div className={styles.editorColumn}>
          <p className={styles.storage}>
            Up to {(CONFIG_LIMITS.maxLength / (1 << 20)).toLocaleString('en-US')} MiB ({CONFIG_LIMITS.maxLength.toLocaleString('en-US')} characters), nested up to {CONFIG_LIMITS.maxDepth} levels. The file stays in this
            browser tab (its session storage), so it is here when you come back; closing the tab forgets it.{' '}
            <button type="button" className={styles.linkButton} onClick={forget}>
              Clear the editor and forget the file now
            </button>
          </p>
          <p id="checker-editor-keys" className={styles.keys}>
            <kbd>Tab</kbd> indents. To move on from the editor, press <kbd>Esc</kbd>, then <kbd>Tab</kbd>. <kbd>F8</kbd> goes to the next finding in the editor.
          </p>
          <Editor ref={editor} initialText="" label={`vcluster.yaml to check against ${version}`} describedBy="checker-editor-keys" onChange={onChange} diagnostics={diagnostics} />
        </div>
        <section className={styles.findings} aria-labelledby="checker-findings-heading" data-checked={checked ? `${version}:${text.length}` : ''} aria-busy={status.kind === 'loading' || status.kind === 'checking'}>
          <h2 id="checker-findings-heading">Findings for {version}</h2>
          <div className={styles.statusLine}>
            <p role="status" className={styles.summary} data-testid="checker-summary" data-status={status.kind}>
              {summary}
            </p>
            {status.kind === 'checking' && (
              <button type="button" className="button button--secondary button--sm" onClick={() => client?.stop()} data-testid="checker-stop">
                Stop
              </button>
            )}
            {status.kind === 'stopped' && (
              <button type="button" className="button button--secondary button--sm" onClick={() => setAttempt((value) => value + 1)}>
                Check again
              </button>
            )}
          </div>
          {checked?.adviceWithheld && (
            <p className={styles.withheld} data-testid="checker-advice-withheld">
              {checked.adviceWithheld.foreign === 1 ? 'One key' : `${checked.adviceWithheld.foreign} keys`} of this file {checked.adviceWithheld.foreign === 1 ? 'is' : 'are'} not in {version}
              {checked.adviceWithheld.writtenFor ? `: it looks written for ${checked.adviceWithheld.writtenFor}` : ''}. Values equal to a {version} default are not marked, and there is no minimal file: the defaults of the release it is for may differ.
            </p>
          )}
          {findings.length > 0 && (
            <ol className={styles.findingList}>
              {findings.slice(0, shown).map((finding, index) => (
                <FindingItem key={`${finding.from}-${finding.kind}-${index}`} finding={finding} index={index} onGo={(offset) => editor.current?.moveTo(offset)} />
              ))}
            </ol>
          )}
          {findings.length > shown && (
            <p>
              <button type="button" className="button button--secondary button--sm" onClick={() => setShown((count) => count + FINDINGS_PAGE)}>
                Show {Math.min(FINDINGS_PAGE, findings.length - shown)} more of {(findings.length - shown).toLocaleString('en-US')} not listed
              </button>
            </p>
          )}
        </section>
      </div>
      <MinimalSection version={version} report={checked} />
      <UpgradeSection version={version} newer={newer} target={upgradeTo} onTarget={setTarget} report={checked?.upgrade} changesPages={changesPages} />
      {client && (
        <UpgradeFileSection
          client={client}
          text={() => editor.current?.text() ?? text}
          textLength={text.length}
          checkedRelease={version}
          choice={upgradeChoice}
          onChoice={setUpgradeChoice}
          runToken={upgradeRun}
          onGoTo={(line, column) => {
            const body = editor.current?.text() ?? text;
            let offset = 0;
            for (let at = 1; at < line && offset >= 0; at++) offset = body.indexOf('\n', offset) + 1 || -1;
            if (offset >= 0) editor.current?.moveTo(Math.min(body.length, offset + column - 1));
          }}
        />
      )}
    </div>
  );
}
