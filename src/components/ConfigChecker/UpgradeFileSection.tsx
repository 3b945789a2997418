/**
 * The whole-file upgrade (src/checker/upgradeConfig.ts, run in the worker):
 * the reader picks the release their file was written for and a later one,
 * among every release of the line (history-only ones and "before 0.20"
 * included), and gets the upgraded file (copy, download), a line diff
 * against their file, the steps left for them, the releases to stop at, what
 * stays invalid and whether the result needs vCluster Pro. Nothing leaves
 * the tab: the worker fetches the moves and the target's schema only.
 */
import {useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode} from 'react';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import type {LegacyDistro} from '../../checker/legacy/legacyValues';
import type {DiffLine} from '../../checker/moves/lineDiff';
import type {LineInfo, UpgradeOutcome} from '../../checker/protocol';
import type {PageLink, UpgradeConstraint, UpgradeResult, UpgradeStep} from '../../checker/upgradeConfig';
import FieldDocsLink from './FieldDocsLink';
import Message from './Message';
import {CHECK_BUDGET_MS, CheckStopped, type CheckerClient} from './workerClient';
import styles from './styles.module.css';

/** The releases and distro the reader chose (kept in the share link and the tab's storage). */
export interface UpgradeChoice {
  from?: string;
  to?: string;
  distro?: string;
}

interface Props {
  client: CheckerClient;
  /** The editor's text now. */
  text(): string;
  /** The length of the text the page last read (to say when a result is for an older text). */
  textLength: number;
  /** The release the checker checks against: the file's release until the reader picks another. */
  checkedRelease: string;
  choice: UpgradeChoice;
  onChoice(choice: UpgradeChoice): void;
  /** Changes when a share link asks for its upgrade to run (its choice is in `choice`). */
  runToken: number;
  /** Puts the editor's cursor on a line and column of the reader's file. */
  onGoTo(line: number, column: number): void;
}

type Status = {kind: 'idle'} | {kind: 'running'} | {kind: 'done'} | {kind: 'stopped'; why: 'stopped' | 'budget'} | {kind: 'failed'; message: string};

interface Done {
  outcome: UpgradeOutcome;
  from: string;
  to: string;
  textLength: number;
  ms: number;
}

/** Lines of context around each change in the diff. */
const CONTEXT = 3;

const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** A page of the site (a route without the base URL and an anchor). */
function PageAnchor({link, children}: {link: PageLink; children: ReactNode}): ReactNode {
  const {withBaseUrl} = useBaseUrlUtils();
  return <a href={`${withBaseUrl(link.route)}#${link.anchor}`}>{children}</a>;
}

/** The diff's changed lines with CONTEXT lines around them, gaps marked. */
function hunks(lines: readonly DiffLine[]): Array<DiffLine | {gap: number}> {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.op === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++) keep[j] = true;
  });
  const out: Array<DiffLine | {gap: number}> = [];
  let gap = 0;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      gap++;
      return;
    }
    if (gap) out.push({gap});
    gap = 0;
    out.push(line);
  });
  if (gap && out.length) out.push({gap});
  return out;
}

function DiffTable({diff, from, to}: {diff: readonly DiffLine[]; from: string; to: string}): ReactNode {
  const rows = useMemo(() => hunks(diff), [diff]);
  const removed = diff.filter((line) => line.op === 'removed').length;
  const added = diff.filter((line) => line.op === 'added').length;
  if (!removed && !added) return <p>No line changes: the file is the same for {to}.</p>;
  return (
    <>
      <p>
        {plural(removed, 'line')} of your file removed (marked <span aria-hidden="true">−</span> removed), {plural(added, 'line')} added (marked <span aria-hidden="true">+</span> added), with {CONTEXT} unchanged lines around each change.
      </p>
      <div className={styles.code} role="region" aria-label={`Line diff from your ${from} file to the upgraded ${to} file`} tabIndex={0}>
        <table className={styles.diff} data-testid="checker-upgrade-diff">
          <caption className={styles.visuallyHidden}>Line diff: your line number, the upgraded file's line number, the change and the line</caption>
          <thead>
            <tr>
              <th scope="col">Yours</th>
              <th scope="col">New</th>
              <th scope="col">Change</th>
              <th scope="col">Line</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) =>
              'gap' in row ? (
                <tr key={i} className={styles.diffGap}>
                  <td colSpan={4}>… {plural(row.gap, 'unchanged line')}</td>
                </tr>
              ) : (
                <tr key={i} className={row.op === 'removed' ? styles.diffRemoved : row.op === 'added' ? styles.diffAdded : undefined} data-op={row.op}>
                  <td>{row.oldLine ?? ''}</td>
                  <td>{row.newLine ?? ''}</td>
                  <td>{row.op === 'removed' ? '− removed' : row.op === 'added' ? '+ added' : <span className={styles.visuallyHidden}>unchanged</span>}</td>
                  <td>
                    <code>{row.text || ' '}</code>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StepLinks({step}: {step: UpgradeStep}): ReactNode {
  const {field, change, guide} = step.links;
  const links: ReactNode[] = [];
  if (field) links.push(<FieldDocsLink key="field" link={field} />);
  if (change) links.push(<PageAnchor key="change" link={change}>what changed in {change.version}</PageAnchor>);
  if (guide) links.push(<PageAnchor key="guide" link={guide}>the upgrade guide's entry</PageAnchor>);
  if (!links.length) return null;
  return (
    <p className={styles.links}>
      See{' '}
      {links.map((link, i) => (
        <span key={i}>
          {i > 0 && (i === links.length - 1 ? ' and ' : ', ')}
          {link}
        </span>
      ))}
      .
    </p>
  );
}

function StepItem({step, onGoTo}: {step: UpgradeStep; onGoTo(line: number, column: number): void}): ReactNode {
  const id = useId();
  return (
    <li className={`${styles.finding} ${step.manual ? styles.warning : styles.note}`} data-step={step.id} data-line={step.line ?? ''}>
      <div className={styles.findingHead}>
        {step.line !== undefined ? (
          <button type="button" className={styles.position} onClick={() => onGoTo(step.line!, step.column ?? 1)} aria-describedby={id}>
            Line {step.line}
          </button>
        ) : step.outputLine !== undefined ? (
          <span className={styles.source}>upgraded file, line {step.outputLine}</span>
        ) : null}
        <span className={styles.severity}>{step.manual ? 'for you' : 'done'}</span>
        <span className={styles.source}>
          {step.release}, <code>{step.id}</code>
        </span>
      </div>
      <p id={id} className={styles.message}>
        <Message text={step.summary} />
      </p>
      {step.reasons.length > 0 && (
        <ul className={styles.reasons}>
          {step.reasons.map((reason, i) => (
            <li key={i}>
              <Message text={reason} />
            </li>
          ))}
        </ul>
      )}
      {step.instead && step.manual && (
        <p className={styles.message}>
          Instead: <Message text={step.instead} />
        </p>
      )}
      {step.notes.map((note, i) => (
        <p key={i} className={styles.message}>
          <Message text={note} />
        </p>
      ))}
      <StepLinks step={step} />
    </li>
  );
}

function ConstraintItem({constraint, to}: {constraint: UpgradeConstraint; to: string}): ReactNode {
  return (
    <li className={`${styles.finding} ${constraint.targetAvoided ? styles.error : styles.warning}`} data-constraint={constraint.id}>
      <p className={styles.message}>
        <strong>Crossing {constraint.release}</strong> ({constraint.kind === 'stop' ? 'a release to stop at' : constraint.kind === 'avoid' ? 'releases to avoid' : 'before you upgrade'}): <Message text={constraint.text} />
      </p>
      {constraint.kind === 'stop' && constraint.stopAt && (
        <p className={styles.message}>
          Land on {constraint.landOn?.length ? constraint.landOn.join(', ') : `a release from ${constraint.stopAt.first} to ${constraint.stopAt.last}`}
          {constraint.prefer ? ` (best ${constraint.prefer})` : ''} first, then go on to {to}.
        </p>
      )}
      {constraint.kind === 'avoid' && constraint.avoid && (
        <p className={styles.message}>
          Do not land on {constraint.avoid.join(', ')}
          {constraint.targetAvoided ? `: the target ${to} is one of them` : ''}.
        </p>
      )}
      <p className={styles.links}>
        Source: <Message text={constraint.evidence} />
        {constraint.links.guide && (
          <>
            {' '}
            · <PageAnchor link={constraint.links.guide}>the upgrade guide's entry</PageAnchor>
          </>
        )}
      </p>
    </li>
  );
}

function ResultView({result, onGoTo, stale}: {result: UpgradeResult; onGoTo(line: number, column: number): void; stale: boolean}): ReactNode {
  const [copied, setCopied] = useState('');
  const manual = result.steps.filter((step) => step.manual);
  const applied = result.steps.filter((step) => !step.manual);
  const {pro} = result;

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(result.text);
      setCopied(`The upgraded file is copied (${plural(result.text.split('\n').length - (result.text.endsWith('\n') ? 1 : 0), 'line')}).`);
    } catch {
      setCopied('The browser did not allow copying: select the text in the box below and copy it.');
    }
  }

  function download(): void {
    const url = URL.createObjectURL(new Blob([result.text], {type: 'application/yaml'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = `vcluster-${result.to}.yaml`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setCopied(`Downloaded as vcluster-${result.to}.yaml.`);
  }

  return (
    <>
      {stale && <p className={styles.withheld}>The editor's text changed since this upgrade: upgrade again to see it for the text you have now.</p>}
      {result.legacy && (
        <p>
          Converted from the {result.legacy.distro} chart's values (before 0.20) to a vcluster.yaml of {result.legacy.convertedTo} first
          {result.legacy.ignored.length ? (
            <>
              ; keys not carried over:{' '}
              {result.legacy.ignored.map((key, i) => (
                <span key={key}>
                  {i > 0 && ', '}
                  <code>{key}</code>
                </span>
              ))}
            </>
          ) : null}
          .
        </p>
      )}
      {result.notes.map((note, i) => (
        <p key={i}>
          <Message text={note} />
        </p>
      ))}

      <h3 id="checker-upgraded-heading">The upgraded file for {result.to}</h3>
      <div className={styles.actionRow}>
        <button type="button" className="button button--secondary button--sm" onClick={() => void copy()} data-testid="checker-upgraded-copy">
          Copy the upgraded file
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={download} data-testid="checker-upgraded-download">
          Download it
        </button>
        <span role="status" className={styles.copyStatus}>
          {copied}
        </span>
      </div>
      <div className={styles.code} role="region" aria-labelledby="checker-upgraded-heading" tabIndex={0}>
        <pre>
          <code data-testid="checker-upgraded-text">{result.text}</code>
        </pre>
      </div>

      <h3>What changed, line by line</h3>
      <DiffTable diff={result.diff} from={result.from} to={result.to} />

      <h3>Steps for you ({manual.length})</h3>
      {manual.length ? (
        <ol className={styles.findingList} data-testid="checker-upgrade-manual">
          {manual.map((step, i) => (
            <StepItem key={`${step.id}-${i}`} step={step} onGoTo={onGoTo} />
          ))}
        </ol>
      ) : (
        <p>None: every move the file needed was made for you.</p>
      )}

      <h3>Moves made for you ({applied.length})</h3>
      {applied.length ? (
        <ol className={styles.findingList} data-testid="checker-upgrade-applied">
          {applied.map((step, i) => (
            <StepItem key={`${step.id}-${i}`} step={step} onGoTo={onGoTo} />
          ))}
        </ol>
      ) : (
        <p>None.</p>
      )}

      <h3>Releases to stop at and other constraints ({result.constraints.length})</h3>
      {result.constraints.length ? (
        <ul className={styles.findingList} data-testid="checker-upgrade-constraints">
          {result.constraints.map((constraint) => (
            <ConstraintItem key={constraint.id} constraint={constraint} to={result.to} />
          ))}
        </ul>
      ) : (
        <p>None: the upgrade can go from {result.from} to {result.to} in one step, as far as the curated constraints say.</p>
      )}

      <h3>Still invalid in {result.to} ({result.problems.length})</h3>
      {!result.validated ? (
        <p>The {result.to} schema was not available, so the upgraded file was not checked against it.</p>
      ) : result.problems.length ? (
        <ul className={styles.findingList} data-testid="checker-upgrade-problems">
          {result.problems.map((problem, i) => (
            <li key={i} className={`${styles.finding} ${problem.explained ? styles.warning : styles.error}`} data-path={problem.path}>
              <div className={styles.findingHead}>
                <span className={styles.source}>
                  upgraded file, line {problem.line}, column {problem.column}
                </span>
                <span className={styles.severity}>{problem.explained ? 'explained' : 'not explained'}</span>
              </div>
              <p className={styles.message}>
                <code>{problem.path}</code>: <Message text={problem.message} />
              </p>
              <p className={styles.message}>
                Why: <Message text={problem.explanation} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing: the {result.to} schema accepts the upgraded file.</p>
      )}

      <h3>Does this file need vCluster Pro?</h3>
      <p data-testid="checker-upgrade-pro" data-needs-pro={pro.needsPro ? 'yes' : 'no'}>
        {pro.needsPro ? `Yes: in ${result.to}, ${plural(pro.keys.length, 'key')} of the upgraded file ${pro.keys.length === 1 ? 'needs' : 'need'} vCluster Pro.` : `No: no key of the upgraded file needs vCluster Pro in ${result.to}${pro.unevaluated.length ? ' under a condition this page evaluates' : ''}.`}
        {!pro.curated && ` ${result.to} has no docs pages, so only the keys its chart itself marks Pro are counted.`}
      </p>
      {pro.keys.length > 0 && (
        <ul data-testid="checker-upgrade-pro-keys">
          {pro.keys.map((key) => (
            <li key={key.path} data-path={key.path}>
              {key.link ? (
                <FieldDocsLink link={key.link}>
                  <code>{key.path}</code>
                </FieldDocsLink>
              ) : (
                <code>{key.path}</code>
              )}{' '}
              (upgraded file, line {key.line}): <Message text={key.condition} />.
            </li>
          ))}
        </ul>
      )}
      {pro.unevaluated.length > 0 && (
        <>
          <p>These may need vCluster Pro under a condition this page does not evaluate; read it yourself:</p>
          <ul>
            {pro.unevaluated.map((key) => (
              <li key={key.path}>
                <code>{key.path}</code> (upgraded file, line {key.line}): <Message text={key.condition} />.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function summaryOf(result: UpgradeResult): string {
  const manual = result.steps.filter((step) => step.manual).length;
  return `Upgraded from ${result.from} to ${result.to}: ${plural(result.steps.length - manual, 'move')} made, ${plural(manual, 'step')} for you, ${plural(result.constraints.length, 'constraint')}, ${plural(result.problems.length, 'problem')} left; ${result.pro.needsPro ? 'needs vCluster Pro' : 'no key needs vCluster Pro'}.`;
}

export default function UpgradeFileSection({client, text, textLength, checkedRelease, choice, onChoice, runToken, onGoTo}: Props): ReactNode {
  const [line, setLine] = useState<LineInfo>();
  const [lineError, setLineError] = useState<string>();
  const [status, setStatus] = useState<Status>({kind: 'idle'});
  const [done, setDone] = useState<Done>();
  const [linkNotice, setLinkNotice] = useState<string>();
  const [askDistro, setAskDistro] = useState(false);
  const fromRef = useRef<HTMLSelectElement>(null);
  const toRef = useRef<HTMLSelectElement>(null);
  const distroRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let current = true;
    client.line().then(
      (info) => current && setLine(info),
      (error: Error) => current && setLineError(error.message),
    );
    return () => {
      current = false;
    };
  }, [client]);

  const known = (release: string | undefined): boolean => !!line && !!release && (release === line.legacyRelease || line.releases.includes(release));
  const from = choice.from ?? checkedRelease;
  const legacy = line !== undefined && from === line.legacyRelease;
  const defaultTo = (start: string): string | undefined => {
    if (!line) return undefined;
    const at = line.releases.indexOf(start);
    return at >= 0 && at >= line.releases.indexOf(line.current) ? line.releases.at(-1) : line.current;
  };
  const to = choice.to ?? defaultTo(from);
  const distro = choice.distro && line?.distros.includes(choice.distro) ? (choice.distro as LegacyDistro) : undefined;

  /** Why the chosen releases cannot be upgraded between, in words; undefined when they can. */
  const problem = ((): {message: string; field: 'from' | 'to' | 'distro'} | undefined => {
    if (!line) return undefined;
    if (!known(from)) return {field: 'from', message: `${from} is not a release this site knows; choose the release your file was written for.`};
    if (!to || !line.releases.includes(to)) return {field: 'to', message: `${to ?? 'No release'} is not a release this site knows; choose a later release.`};
    if (!legacy && line.releases.indexOf(to) <= line.releases.indexOf(from))
      return {field: 'to', message: `${to} is ${to === from ? 'the release the file is for' : `older than ${from}`}: an upgrade goes to a later release. Choose one after ${from}${from === line.releases.at(-1) ? ' (there is none: it is the newest release)' : ''}.`};
    if (legacy && !distro) return {field: 'distro', message: 'Choose the distro the file ran, to convert it from the per-distro charts before 0.20.'};
    return undefined;
  })();

  // A share link's (or this tab's last) choice: releases the site does not know are said so, and left out.
  const applied = useRef(-1);
  useEffect(() => {
    if (!line || applied.current === runToken) return;
    applied.current = runToken;
    const unknown = [choice.from, choice.to].filter((release): release is string => release !== undefined && !known(release));
    if (unknown.length) {
      setLinkNotice(
        `The upgrade this page was opened with names ${unknown.map((release) => JSON.stringify(release)).join(' and ')}, which ${unknown.length === 1 ? 'is not a release' : 'are not releases'} this site knows (it knows ${line.releases[0]} to ${line.releases.at(-1)} and "${line.legacyRelease}"). Choose the releases below.`,
      );
      onChoice({...(known(choice.from) ? {from: choice.from} : {}), ...(known(choice.to) ? {to: choice.to} : {}), ...(choice.distro ? {distro: choice.distro} : {})});
      return;
    }
    if (runToken > 0 && choice.from && choice.to) void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [line, runToken]);

  async function run(): Promise<void> {
    if (!line) return;
    const body = text();
    if (problem) {
      ({from: fromRef, to: toRef, distro: distroRef})[problem.field].current?.focus();
      return;
    }
    if (!body.trim()) {
      setStatus({kind: 'failed', message: 'The editor is empty: paste, type or open your vcluster.yaml first.'});
      return;
    }
    setStatus({kind: 'running'});
    try {
      const {outcome, ms} = await client.upgrade({text: body, from, to: to!, ...(legacy && distro ? {distro} : {})});
      performance.measure('config-checker upgrade', {start: performance.now() - ms, duration: ms});
      setDone({outcome, from, to: to!, textLength: body.length, ms});
      setStatus({kind: 'done'});
      if (outcome.kind === 'error' && outcome.needsDistro) {
        setAskDistro(true);
        onChoice({...choice, from: line.legacyRelease, to});
        setTimeout(() => distroRef.current?.focus(), 0);
      }
    } catch (error) {
      if (error instanceof CheckStopped) setStatus({kind: 'stopped', why: error.why === 'budget' ? 'budget' : 'stopped'});
      else setStatus({kind: 'failed', message: (error as Error).message});
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void run();
  }

  const statusText = (() => {
    switch (status.kind) {
      case 'idle':
        return line ? 'Choose the releases and upgrade.' : lineError ? `The releases could not be loaded: ${lineError}` : 'Loading the releases…';
      case 'running':
        return `Upgrading from ${from} to ${to}…`;
      case 'stopped':
        return status.why === 'budget' ? `The upgrade ran for more than ${CHECK_BUDGET_MS / 1000} seconds and was stopped, so that this page stays usable.` : 'The upgrade was stopped.';
      case 'failed':
        return status.message;
      case 'done':
        return done?.outcome.kind === 'result' ? summaryOf(done.outcome.result) : `The file cannot be upgraded: ${done?.outcome.message ?? ''}`;
    }
  })();

  const optionLabel = (release: string): string => `${release}${release === line?.current ? ' (current docs)' : line && !line.documented.includes(release) ? ' (no docs pages)' : ''}`;
  const newestFirst = line ? [...line.releases].reverse() : [];

  return (
    <section className={`${styles.section} ${styles.upgradeFile}`} aria-labelledby="checker-upgrade-file-heading" data-testid="checker-upgrade-file">
      <h2 id="checker-upgrade-file-heading">Upgrade the file</h2>
      <p>
        Rewrites the file in the editor for a later release: each key that moved is moved, in order, release by release, and whatever needs you is
        listed with its line. Any release of the line can be chosen, also those without docs pages here, and a values file of the charts before 0.20.
        This runs in this page too.
      </p>
      {linkNotice && (
        <div role="alert" className={styles.notice} data-testid="checker-upgrade-link-notice">
          <p>{linkNotice}</p>
        </div>
      )}
      <form className={styles.toolbar} onSubmit={submit} aria-describedby={problem ? 'checker-upgrade-problem' : undefined}>
        <label className={styles.control}>
          <span>Your file is for</span>
          <select ref={fromRef} value={from} disabled={!line} onChange={(event) => onChoice({...choice, from: event.target.value})} data-testid="checker-upgrade-from" aria-invalid={problem?.field === 'from' || undefined}>
            {line && !known(from) && <option value={from}>{from} (unknown)</option>}
            {newestFirst.map((release) => (
              <option key={release} value={release}>
                {optionLabel(release)}
              </option>
            ))}
            {line && <option value={line.legacyRelease}>before 0.20 (a per-distro chart's values)</option>}
          </select>
        </label>
        {line && (legacy || askDistro) && (
          <label className={styles.control}>
            <span>Distro it ran</span>
            <select ref={distroRef} value={distro ?? ''} onChange={(event) => onChoice({...choice, distro: event.target.value})} data-testid="checker-upgrade-distro" aria-invalid={problem?.field === 'distro' || undefined}>
              <option value="">Choose…</option>
              {line.distros.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={styles.control}>
          <span>Upgrade to</span>
          <select ref={toRef} value={to ?? ''} disabled={!line} onChange={(event) => onChoice({...choice, to: event.target.value})} data-testid="checker-upgrade-to" aria-invalid={problem?.field === 'to' || undefined}>
            {line && to && !line.releases.includes(to) && <option value={to}>{to} (unknown)</option>}
            {newestFirst.map((release) => (
              <option key={release} value={release}>
                {optionLabel(release)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={!line || status.kind === 'running'} data-testid="checker-upgrade-run">
          Upgrade
        </button>
        {status.kind === 'running' && (
          <button type="button" className="button button--secondary" onClick={() => client.stop()}>
            Stop
          </button>
        )}
      </form>
      <div aria-live="polite">
        {problem && (
          <p id="checker-upgrade-problem" className={styles.problem} data-testid="checker-upgrade-problem">
            {problem.message}
          </p>
        )}
      </div>
      <p role="status" className={styles.summary} data-testid="checker-upgrade-status" data-status={status.kind}>
        {statusText}
      </p>
      <div data-testid="checker-upgrade-result" data-upgraded={done && status.kind === 'done' ? `${done.from}:${done.to}:${done.textLength}` : ''}>
        {done?.outcome.kind === 'error' && (
          <div className={styles.notice} data-testid="checker-upgrade-error" data-reason={done.outcome.reason}>
            <p>{done.outcome.message}</p>
            {done.outcome.line !== undefined && (
              <button type="button" className="button button--secondary button--sm" onClick={() => onGoTo((done.outcome as {line: number}).line, (done.outcome as {column?: number}).column ?? 1)}>
                Go to line {done.outcome.line}
              </button>
            )}
          </div>
        )}
        {done?.outcome.kind === 'result' && <ResultView result={done.outcome.result} onGoTo={onGoTo} stale={done.textLength !== textLength} />}
      </div>
    </section>
  );
}
