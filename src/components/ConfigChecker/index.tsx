/**
 * The config checker: a reader's vcluster.yaml checked in the browser
 * against a documented release (src/checker), with its findings beside the
 * editor, the minimal file, the upgrade check and a share link. Loaded
 * lazily by src/pages/check.tsx, so CodeMirror, Ajv and this code load only
 * on that page.
 */
import {useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import {useDocsPreferredVersion, useLatestVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import type {Diagnostic} from '@codemirror/lint';
import {checkConfig, type CheckResult} from '../../checker/check';
import type {Finding, Severity} from '../../checker/findings';
import {summarize} from '../../checker/findings';
import {minimalConfig} from '../../checker/minimal';
import {checkerRelease, type CheckerRelease} from '../../checker/release';
import {CHANGES_ROUTE} from '../../reference/urls';
import {decodeShare, encodeShare, type SharedState} from '../../checker/share';
import {upgradeCheck} from '../../checker/upgrade';
import Editor, {type EditorHandle} from './Editor';
import FieldDocsLink from './FieldDocsLink';
import {loadChecked} from './loadRelease';
import Message, {plain} from './Message';
import UpgradeSection from './UpgradeSection';
import MinimalSection from './MinimalSection';
import styles from './styles.module.css';

/**
 * The reader's file, release and target, kept in this tab's sessionStorage, so
 * that following a link to the docs and coming back finds them again. It
 * stays in the browser, like everything else here.
 */
const STATE_KEY = 'vcluster-config-checker';

function keepState(state: SharedState): void {
  try {
    if (state.text) sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
  } catch {
    // Storage may be full or forbidden: the state is then not kept.
  }
}

function lastState(): SharedState | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null');
    const {version, text, target} = (value ?? {}) as Partial<SharedState>;
    return typeof version === 'string' && typeof text === 'string' ? {version, text, ...(typeof target === 'string' ? {target} : {})} : undefined;
  } catch {
    return undefined;
  }
}

/** Typing pauses this long before a check; a paste, a drop or an opened file is checked at once. */
const TYPING_PAUSE_MS = 300;

const CODEMIRROR_SEVERITY: Record<Severity, Diagnostic['severity']> = {error: 'error', 'release mismatch': 'error', warning: 'warning', note: 'info'};
const SEVERITY_CLASS: Record<Severity, string> = {error: styles.error!, 'release mismatch': styles.mismatch!, warning: styles.warning!, note: styles.note!};

function FindingItem({finding, index, onGo}: {finding: Finding; index: number; onGo(offset: number): void}): ReactNode {
  const messageId = `checker-finding-${index}`;
  return (
    <li className={`${styles.finding} ${SEVERITY_CLASS[finding.severity]}`} data-severity={finding.severity} data-kind={finding.kind} data-line={finding.line}>
      <div className={styles.findingHead}>
        <button type="button" className={styles.position} onClick={() => onGo(finding.from)} aria-describedby={messageId}>
          Line {finding.line}, column {finding.column}
        </button>
        <span className={styles.severity}>{finding.severity}</span>
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

export default function ConfigChecker(): ReactNode {
  const versions = useVersions(undefined);
  const latest = useLatestVersion(undefined).label;
  const {preferredVersion} = useDocsPreferredVersion();
  const location = useLocation();
  const {withBaseUrl} = useBaseUrlUtils();
  const labels = useMemo(() => versions.map((version) => version.label), [versions]);
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
  const [checked, setChecked] = useState<CheckerRelease>();
  const [loadError, setLoadError] = useState<string>();
  const [share, setShare] = useState<{href: string; status: string}>();
  const editor = useRef<EditorHandle>(null);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A share link's state, else the state this tab last had here (kept in sessionStorage), once, when the page opens.
  useEffect(() => {
    void decodeShare(window.location.hash).then((shared) => {
      const state = shared ?? lastState();
      if (!state) return;
      if (labels.includes(state.version)) setVersion(state.version);
      if (state.target && labels.includes(state.target)) setTarget(state.target);
      editor.current?.setText(state.text);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let current = true;
    setLoadError(undefined);
    loadChecked(version, withBaseUrl).then(
      (release) => current && setChecked(release),
      (error: Error) => current && setLoadError(`The ${version} schema could not be loaded: ${error.message}`),
    );
    return () => {
      current = false;
    };
  }, [version, withBaseUrl]);

  const onChange = useCallback((next: string, immediate: boolean) => {
    clearTimeout(typing.current);
    if (immediate) setText(next);
    else typing.current = setTimeout(() => setText(next), TYPING_PAUSE_MS);
  }, []);

  useEffect(() => keepState({version, text, ...(target ? {target} : {})}), [version, text, target]);

  const release = checked?.version === version ? checked : undefined;
  const result: CheckResult | undefined = useMemo(() => {
    if (!release) return undefined;
    const started = performance.now();
    const checkedResult = checkConfig(text, release);
    performance.measure('config-checker check', {start: started, end: performance.now()});
    return checkedResult;
  }, [release, text]);

  const diagnostics = useMemo(
    () => ({
      text,
      items: (result?.findings ?? []).map((finding): Diagnostic => ({from: finding.from, to: finding.to, severity: CODEMIRROR_SEVERITY[finding.severity], source: finding.severity, message: plain(finding.message)})),
    }),
    [result, text],
  );

  // The documented releases after this one, oldest first.
  const newer = useMemo(() => (release ? release.line.data.documented.filter((other) => release.line.indexOf(other) > release.line.indexOf(version)).reverse() : []), [release, version]);
  const upgradeTo = target && newer.includes(target) ? target : newer.at(-1);
  // The minimal file and the upgrade check follow once the findings are shown.
  const laterText = useDeferredValue(text);
  const minimal = useMemo(() => (release ? minimalConfig(laterText, release) : undefined), [release, laterText]);
  const upgrade = useMemo(() => (release && upgradeTo ? upgradeCheck(laterText, release, checkerRelease(release.line, upgradeTo)) : undefined), [release, upgradeTo, laterText]);

  async function copyShareLink(): Promise<void> {
    const fragment = await encodeShare({version, text: editor.current?.text() ?? text, ...(upgradeTo ? {target: upgradeTo} : {})});
    const href = `${window.location.origin}${window.location.pathname}#${fragment}`;
    let status = 'The link is below: select it and copy it.';
    try {
      await navigator.clipboard.writeText(href);
      status = 'Share link copied. It holds your file in the link itself; nothing was sent anywhere.';
    } catch {
      // No clipboard permission: the reader copies the link from the field.
    }
    setShare({href, status});
  }

  async function openFile(file: File | undefined): Promise<void> {
    if (file) editor.current?.setText(await file.text());
  }

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
        <button type="button" className="button button--secondary" onClick={() => void copyShareLink()}>
          Copy share link
        </button>
      </div>
      {share && (
        <div className={styles.share}>
          <label>
            <span>Share link</span>
            <input type="text" readOnly value={share.href} onFocus={(event) => event.target.select()} data-testid="checker-share-link" />
          </label>
          <p role="status">{share.status}</p>
        </div>
      )}
      {loadError && <p role="alert" className={styles.loadError}>{loadError}</p>}
      <div className={styles.workspace}>
        <div className={styles.editorColumn}>
          <p id="checker-editor-keys" className={styles.keys}>
            <kbd>Tab</kbd> indents. To move on from the editor, press <kbd>Esc</kbd>, then <kbd>Tab</kbd>. <kbd>F8</kbd> goes to the next finding in the editor.
          </p>
          <Editor ref={editor} initialText="" label={`vcluster.yaml to check against ${version}`} describedBy="checker-editor-keys" onChange={onChange} diagnostics={diagnostics} />
        </div>
        <section className={styles.findings} aria-labelledby="checker-findings-heading" data-checked={result ? `${version}:${text.length}` : ''}>
          <h2 id="checker-findings-heading">Findings for {version}</h2>
          <p role="status" className={styles.summary}>
            {result ? summarize(result, version) : `Loading the ${version} schema…`}
          </p>
          {result && result.findings.length > 0 && (
            <ol className={styles.findingList}>
              {result.findings.map((finding, index) => (
                <FindingItem key={`${finding.from}-${finding.kind}-${index}`} finding={finding} index={index} onGo={(offset) => editor.current?.moveTo(offset)} />
              ))}
            </ol>
          )}
        </section>
      </div>
      <MinimalSection version={version} minimal={minimal} />
      <UpgradeSection version={version} newer={newer} target={upgradeTo} onTarget={setTarget} report={upgrade} changesPages={changesPages} />
    </div>
  );
}
