import React, {useState, type MouseEvent, type ReactNode} from 'react';
import {CHANGED, COMMENT, KEY, STUBS, fileText, type DefaultsFileProps, type DefaultsPart} from '../../lib/defaultsFileProps';
import {defaultsLineId} from '../../reference/urls';
import {copyText} from '../ConfigField';

/**
 * A release's values.yaml, server-rendered from the generated partial's
 * data (src/lib/defaultsFileProps.ts): the chart's text with its comments,
 * each key that is a field a link to it, each field's line an id. Plain
 * React, no Docusaurus imports: the site wraps it (index.tsx) and the tests
 * render it as it is. Its only state is the copy button's.
 */
export interface DefaultsFileViewProps {
  d: DefaultsFileProps;
  /** A site route → its URL (the site's base URL added). */
  withBaseUrl?: (route: string) => string;
  /** Told every link and id rendered (Docusaurus's broken-link check). */
  collect?: {link(href: string): void; anchor(id: string): void};
  /** Follows a plain click on a key without reloading the page (one handler for all of them). */
  navigate?: (href: string) => void;
}

/** Where the skip link leads: no line id (those start with `values-`, urls.ts) can be it. */
export const FILE_END_ID = 'defaults-file-end';
const MAX_PREVIOUS = 40;

/** A previous value on one short line; the whole of it goes in the title. */
function shortYaml(yaml: string): string {
  const line = yaml.replace(/\n/g, ' ⏎ ');
  return line.length > MAX_PREVIOUS ? `${line.slice(0, MAX_PREVIOUS - 1)}…` : line;
}

function CopyButton({text}: {text: () => string}) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--sm button--primary"
        onClick={() =>
          copyText(text()).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          })
        }>
        {copied ? 'Copied' : 'Copy values.yaml'}
      </button>
      <span role="status" className="defaults__status">
        {copied ? 'values.yaml copied to the clipboard' : ''}
      </span>
    </>
  );
}

interface Counts {
  keys: number;
  linked: number;
  changed: number;
}

function countParts(parts: readonly DefaultsPart[]): Counts {
  const counts: Counts = {keys: 0, linked: 0, changed: 0};
  for (const part of parts) {
    if (typeof part === 'string') continue;
    if (part[0] === KEY) {
      counts.keys++;
      if (part[2] && part[2][2] >= 0) counts.linked++;
    } else if (part[0] === CHANGED) counts.changed++;
  }
  return counts;
}

/**
 * The parts line by line, each line's newline kept at its end (the code's
 * text stays the file's). One block per line, not one flow of text: checks
 * that measure a link against the text block around it (axe's
 * link-in-text-block, target-size) then look at a line, not at the whole
 * file for every key (17 s → 3 s for axe on the 0.22.0 file).
 */
function fileLines(parts: readonly DefaultsPart[]): DefaultsPart[][] {
  const lines: DefaultsPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      lines.at(-1)!.push(part);
      continue;
    }
    part.split(/(?<=\n)/).forEach((piece) => {
      lines.at(-1)!.push(piece);
      if (piece.endsWith('\n')) lines.push([]);
    });
  }
  if (!lines.at(-1)!.length) lines.pop();
  return lines;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function DefaultsFileView({d, withBaseUrl = (route) => route, collect, navigate}: DefaultsFileViewProps) {
  const [version, previous, download, routes, parts] = d;
  const urls = routes.map(withBaseUrl);
  const counts = countParts(parts);
  const lineId = (anchor: string) => {
    const id = defaultsLineId(anchor);
    collect?.anchor(id);
    return id;
  };

  const render = (part: DefaultsPart, i: number): ReactNode => {
    if (typeof part === 'string') return part;
    switch (part[0]) {
      case COMMENT:
        return (
          <span key={i} className="defaults__comment">
            {part[1]}
          </span>
        );
      case KEY: {
        const [, text, field] = part;
        if (!field) {
          return (
            <span key={i} className="defaults__key">
              {text}
            </span>
          );
        }
        const [path, anchor, route, line] = field;
        const id = line ? lineId(anchor) : undefined;
        if (route < 0) {
          return (
            <span key={i} className="defaults__key" id={id}>
              {text}
            </span>
          );
        }
        const href = `${urls[route]}#${anchor}`;
        collect?.link(href);
        return (
          <a key={i} className="defaults__key defaults__link" href={href} id={id} aria-label={path}>
            {text}
          </a>
        );
      }
      case STUBS:
        return (
          <span key={i} className="defaults__stubs">
            {part[1].map((anchor) => (
              <span key={anchor} id={lineId(anchor)} />
            ))}
          </span>
        );
      case CHANGED: {
        const [, changedIn, was] = part;
        const before = was === null ? 'no default' : was;
        return (
          <span key={i} className="defaults__changed" title={`Default in ${previous || 'the release before'}: ${before}`}>
            {` changed in ${changedIn}, was ${was === null ? 'unset' : shortYaml(was)}`}
          </span>
        );
      }
    }
  };

  const onClick = navigate
    ? (event: MouseEvent<HTMLElement>) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const link = (event.target as Element).closest('a');
        if (!link || !event.currentTarget.contains(link)) return;
        event.preventDefault();
        navigate(link.getAttribute('href')!);
      }
    : undefined;

  collect?.anchor(FILE_END_ID);
  return (
    <div className="defaults" role="region" aria-label={`values.yaml of vCluster ${version}`}>
      <p className="defaults__summary">
        {plural(counts.keys, 'key', 'keys')}: {counts.linked} link to their field in this version&apos;s reference
        {counts.keys > counts.linked && `; ${counts.keys - counts.linked} are plain text (keys inside a field's value, or not in the schema)`}.{' '}
        {previous
          ? `${plural(counts.changed, 'default', 'defaults')} changed since ${previous}, each marked "changed in".`
          : 'No earlier release to compare defaults with.'}
      </p>
      <div className="defaults__bar">
        <CopyButton text={() => fileText(parts)} />
        <a className="button button--sm button--secondary" href={withBaseUrl(download)} download="values.yaml">
          Download values.yaml
        </a>
        <a className="defaults__skip" href={`#${FILE_END_ID}`}>
          Skip to the end of the file
        </a>
      </div>
      {fileText(parts) === '' && <p>The chart&apos;s values.yaml is empty: it sets no values.</p>}
      <pre className="defaults__file" onClick={onClick}>
        <code>
          {fileLines(parts).map((line, n) => (
            <span key={n} className="defaults__line">
              {line.map(render)}
            </span>
          ))}
        </code>
      </pre>
      <p id={FILE_END_ID} className="defaults__end" tabIndex={-1}>
        End of values.yaml for vCluster {version}.
      </p>
    </div>
  );
}
