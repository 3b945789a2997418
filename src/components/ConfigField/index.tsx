import React, {Children, useContext, useMemo, type ReactNode} from 'react';
import {sectionAnchor, type FactProps, type FieldProps, type SectionProps} from '../../lib/fieldProps';
import {REFERENCE_ATTRIBUTE} from '../../search/markup';
import {DefaultsLineLink, DefaultsPageContext} from '../DefaultsFile/lineLink';
import {ShownProvider, TargetAnchor, useHeadState, useShownCount} from './actionsShown';
import {countFields, isFieldElement} from './fieldElements';
import {copyField, copyLabel, copyName, type CopyKind} from './copy';
import {PermalinkContext} from './permalinkContext';

export {copyText} from './copy';

/**
 * Renders one field of the generated reference. Generated partials pass the
 * field's toc entry and facts as `f` (see src/lib/fieldProps.ts) and its
 * description and nested fields as children. Everything is rendered on the
 * server but the copy actions, which need JavaScript and so appear once the
 * page runs, a chunk of fields at a time (no dead buttons without it, and no
 * bytes in the HTML of each field: actionsShown.ts); a client module opens
 * collapsed ancestors of a deep-linked field and moves the focus to it
 * (src/clientModules/fieldDeepLink.ts).
 *
 * The head of a field is its heading (its name, with the field's anchor),
 * type, badges and actions. A field with fields of its own folds them
 * in a `<details>` after its description, whose `<summary>` holds text only
 * (a control inside a control is unusable by keyboard and screen readers).
 */

function CopyButton({kind, f}: {kind: CopyKind; f: FieldProps}) {
  const valuesFile = useContext(DefaultsPageContext)?.valuesFile;
  const permalink = useContext(PermalinkContext);
  return (
    <button type="button" className="cfg__copy" aria-label={copyName(kind, f.path)} onClick={(event) => copyField(kind, f, event.currentTarget, {valuesFile, permalink})}>
      {copyLabel(kind)}
    </button>
  );
}

/** `false` → one line; a map or list → a block. */
function YamlValue({yaml}: {yaml: string}) {
  return yaml.includes('\n') ? <pre className="cfg__block">{yaml}</pre> : <code>{yaml}</code>;
}

/** One line of facts: `Default: false · Allowed: a, b · Pattern: ...`, as few elements as it can (pages hold thousands). */
function Facts({f}: {f: FieldProps | SectionProps}) {
  // Sections pass these too: a top-level field without fields of its own has only its section.
  const items: Array<[string, ReactNode, string?]> = [];
  const list = (values: string[], separator: string) =>
    values.map((value, i) => (
      <React.Fragment key={i}>
        {i > 0 && separator}
        <YamlValue yaml={value} />
      </React.Fragment>
    ));
  if (f.default !== undefined) items.push(['Default: ', <YamlValue yaml={f.default} />]);
  if (f.enum) items.push(['Allowed: ', list(f.enum, ', ')]);
  if (f.pattern !== undefined) items.push(['Pattern: ', <code>{f.pattern}</code>]);
  if (f.format !== undefined) items.push(['Format: ', <code>{f.format}</code>]);
  if (f.min !== undefined) items.push(['Minimum: ', <code>{String(f.min)}</code>]);
  if (f.max !== undefined) items.push(['Maximum: ', <code>{String(f.max)}</code>]);
  if (f.examples) items.push([f.examples.length > 1 ? 'Examples: ' : 'Example: ', list(f.examples, ' ')]);
  for (const change of f.was ?? []) {
    items.push([`Default changed in ${change.in} (was `, change.yaml === undefined ? 'none' : <YamlValue yaml={change.yaml} />, ')']);
  }
  if (!items.length) return null;
  // Each separator joins the label after it into one text node (no `<!-- -->` between two).
  return (
    <div className="cfg__facts">
      {items.map(([label, value, after], i) => (
        <React.Fragment key={i}>
          {(i > 0 ? ' · ' : '') + label}
          {value}
          {after}
        </React.Fragment>
      ))}
    </div>
  );
}

/**
 * The field's head line: its heading (name and anchor), type, badges, and
 * (once the page runs) its actions: copy link, copy YAML, its line in
 * values.yaml. They are the field element's first children, laid out as one
 * line by the stylesheet (no wrapper: a page holds hundreds of heads).
 */
function Head({f}: {f: FieldProps}) {
  const Heading = `h${f.level}` as 'h2';
  const trueLevel = f.depth + 2;
  const {shown, target} = useHeadState(f.index, f.anchor);
  return (
    <>
      <Heading id={f.anchor} aria-level={trueLevel > 6 ? trueLevel : undefined}>
        {f.name}
      </Heading>
      <code>{f.type}</code>
      {f.required && <span className="badge badge--danger">required</span>}
      <Marks f={f} />
      {shown && (
        <span className="cfg__actions">
          <CopyButton kind="link" f={f} />
          <CopyButton kind="yaml" f={f} />
          <DefaultsLineLink anchor={f.anchor} path={f.path} />
        </span>
      )}
      {/* A deep-linked field says which of the page's fields of that name it is (three are called replicas); not a heading, so no TOC entry. */}
      {target && (
        <p className="cfg__path">
          In <code>vcluster.yaml</code>: <code>{f.path}</code>
        </p>
      )}
    </>
  );
}

/** Pro (with its conditions), deprecated, since and removed-in badges: text, never colour alone. */
function Marks({f}: {f: Pick<FieldProps, 'pro' | 'proWhen' | 'deprecated' | 'since' | 'removedIn'>}) {
  return (
    <>
      {f.pro && <span className="badge badge--primary">{f.proWhen ? `Pro ${f.proWhen.join(' or ')}` : 'Pro'}</span>}
      {f.deprecated && <span className="badge badge--warning">deprecated</span>}
      {f.since && <span className="badge">{`since ${f.since}`}</span>}
      {f.removedIn && <span className="badge badge--danger">{`removed in ${f.removedIn}`}</span>}
    </>
  );
}

/** A curated fact (src/reference/facts.ts); the partial gives its title and text. */
export function ConfigFact({f, children}: {f: FactProps; children?: ReactNode}) {
  return <div className={`cfg__fact cfg__fact--${f.k}`}>{children}</div>;
}

/** Children are the description (Markdown), curated facts, then nested fields; the facts line goes before the nested fields. */
function splitChildren(children: ReactNode): {text: ReactNode[]; fields: ReactNode[]} {
  const text: ReactNode[] = [];
  const fields: ReactNode[] = [];
  Children.forEach(children, (child) => (isFieldElement(child) ? fields : text).push(child));
  return {text, fields};
}

export function ConfigField({f, children}: {f: FieldProps; children?: ReactNode}) {
  const {text, fields} = splitChildren(children);
  const recursion = f.recursion && (
    <p className="cfg__recursion">
      Same fields as {f.recursion.anchor ? <a href={`#${f.recursion.anchor}`}>{f.recursion.path}</a> : <code>{f.recursion.path || '(root)'}</code>} (the schema is recursive).
    </p>
  );
  const count = fields.length;
  return (
    <div className="cfg">
      <Head f={f} />
      {f.description !== undefined && <p>{f.description}</p>}
      {text}
      <Facts f={f} />
      {recursion}
      {count > 0 && (
        // Open at the partial's top level, folded below it.
        <details open={f.depth === 0}>
          <summary>{`${count} ${count === 1 ? 'field' : 'fields'} of ${f.name}`}</summary>
          {fields}
        </details>
      )}
    </div>
  );
}

export function ConfigSection({f, children}: {f: SectionProps; children?: ReactNode}) {
  const shown = useShownCount(useMemo(() => countFields(children), [children]));
  const target = useContext(TargetAnchor);
  const state = useMemo(() => ({shown, target}), [shown, target]);
  return (
    <div className="cfg-section" id={sectionAnchor(f)} {...{[REFERENCE_ATTRIBUTE]: ''}}>
      <p className="cfg-section__path">
        In <code>vcluster.yaml</code>: <code>{f.path}</code> <span className="cfg__type">{f.type}</span>
        <Marks f={f} /> <DefaultsLineLink anchor={sectionAnchor(f)} path={f.path} />
      </p>
      <Facts f={f} />
      <ShownProvider value={state}>{children}</ShownProvider>
    </div>
  );
}
