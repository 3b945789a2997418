import React, {Children, isValidElement, useState, type ReactNode} from 'react';
import type {FactProps, FieldProps, SectionProps} from '../../lib/fieldProps';
import {yamlSnippet} from '../../lib/yamlSnippet';
import {REFERENCE_ATTRIBUTE} from '../../search/markup';

/**
 * Renders one field of the generated reference. Generated partials pass the
 * field's facts as `f` (see src/lib/fieldProps.ts) and its description and
 * nested fields as children. Everything is rendered on the server; the only
 * client behaviour is the two copy buttons and (in a client module) opening
 * collapsed ancestors of a deep-linked field.
 */

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/** A small button: a short visible label, the full action as its accessible name. */
function CopyButton({label, action, text}: {label: string; action: string; text: () => string}) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="cfg__copy"
      aria-label={action}
      title={action}
      onClick={(event) => {
        // Inside a <summary>, a click would also fold the field.
        event.preventDefault();
        copyText(text()).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        });
      }}>
      {done ? 'copied' : label}
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
  const items: ReactNode[] = [];
  const list = (values: string[], separator: string) =>
    values.map((value, i) => (
      <React.Fragment key={i}>
        {i > 0 && separator}
        <YamlValue yaml={value} />
      </React.Fragment>
    ));
  if (f.default !== undefined) items.push(['Default: ', <YamlValue key="v" yaml={f.default} />]);
  if (f.enum) items.push(['Allowed: ', list(f.enum, ', ')]);
  if (f.pattern !== undefined) items.push(['Pattern: ', <code key="v">{f.pattern}</code>]);
  if (f.format !== undefined) items.push(['Format: ', <code key="v">{f.format}</code>]);
  if (f.min !== undefined) items.push(['Minimum: ', <code key="v">{String(f.min)}</code>]);
  if (f.max !== undefined) items.push(['Maximum: ', <code key="v">{String(f.max)}</code>]);
  if (f.examples) items.push([f.examples.length > 1 ? 'Examples: ' : 'Example: ', list(f.examples, ' ')]);
  for (const change of f.was ?? []) {
    items.push([`Default changed in ${change.in} (was `, change.yaml === undefined ? 'none' : <YamlValue key="v" yaml={change.yaml} />, ')']);
  }
  if (!items.length) return null;
  return (
    <div className="cfg__facts">
      {items.map((item, i) => (
        <React.Fragment key={i}>
          {i > 0 && ' · '}
          {item}
        </React.Fragment>
      ))}
    </div>
  );
}

/** The field's head line: name (its heading and anchor), type, badges, copy actions. In a `<summary>` for objects. */
function Head({f, as: Element}: {f: FieldProps; as: 'summary' | 'div'}) {
  const Heading = `h${f.level}` as 'h2';
  const trueLevel = f.depth + 2;
  const snippet = () => yamlSnippet(f.yamlKeys, f.object ? '{}' : f.default);
  const link = () => `${window.location.origin}${window.location.pathname}#${f.anchor}`;
  return (
    <Element className="cfg__head">
      <Heading id={f.anchor} className="cfg__name" aria-level={trueLevel > 6 ? trueLevel : undefined}>
        <a href={`#${f.anchor}`}>{f.name}</a>
      </Heading>
      <code className="cfg__type">{f.type}</code>
      {f.required && <span className="badge badge--danger">required</span>}
      <Marks f={f} />
      <CopyButton label="link" action="Copy link" text={link} />
      <CopyButton label="YAML" action="Copy YAML" text={snippet} />
    </Element>
  );
}

/** Pro (with its conditions), deprecated, since and removed-in badges: text, never colour alone. */
function Marks({f}: {f: Pick<FieldProps, 'pro' | 'proWhen' | 'deprecated' | 'since' | 'removedIn'>}) {
  return (
    <>
      {f.pro && (
        <span className="badge badge--primary" title="Needs vCluster Pro">
          {f.proWhen ? `Pro ${f.proWhen.join(' or ')}` : 'Pro'}
        </span>
      )}
      {f.deprecated && <span className="badge badge--warning">deprecated</span>}
      {f.since && <span className="badge badge--secondary">since {f.since}</span>}
      {f.removedIn && <span className="badge badge--danger">removed in {f.removedIn}</span>}
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
  Children.forEach(children, (child) => {
    const isField = isValidElement<{f?: {path?: string}}>(child) && child.props.f?.path !== undefined;
    (isField ? fields : text).push(child);
  });
  return {text, fields};
}

export function ConfigField({f, children}: {f: FieldProps; children?: ReactNode}) {
  const {text, fields} = splitChildren(children);
  const recursion = f.recursion && (
    <p className="cfg__recursion">
      Same fields as {f.recursion.anchor ? <a href={`#${f.recursion.anchor}`}>{f.recursion.path}</a> : <code>{f.recursion.path || '(root)'}</code>} (the schema is recursive).
    </p>
  );
  // Objects fold (`<details>`, open at the partial's top level); leaf fields stay compact.
  const Wrapper = f.object ? 'details' : 'div';
  return (
    <Wrapper className={f.object ? 'cfg cfg--object' : 'cfg'} open={f.object ? f.depth === 0 : undefined}>
      <Head f={f} as={f.object ? 'summary' : 'div'} />
      {text}
      <Facts f={f} />
      {recursion}
      {fields}
    </Wrapper>
  );
}

export function ConfigSection({f, children}: {f: SectionProps; children?: ReactNode}) {
  return (
    <div className="cfg-section" id={f.anchor} {...{[REFERENCE_ATTRIBUTE]: ''}}>
      <p className="cfg-section__path">
        In <code>vcluster.yaml</code>: <code>{f.path}</code> <span className="cfg__type">{f.type}</span>
        <Marks f={f} />
      </p>
      <Facts f={f} />
      {children}
    </div>
  );
}
