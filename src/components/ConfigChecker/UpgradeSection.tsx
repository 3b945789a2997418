import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {UpgradeReport} from '../../checker/upgrade';
import FieldDocsLink from './FieldDocsLink';
import styles from './styles.module.css';

interface Props {
  version: string;
  /** Documented releases after `version`, oldest first. */
  newer: string[];
  target: string | undefined;
  onTarget(version: string): void;
  report: UpgradeReport | undefined;
  /** Each version's what-changed page (with the site's baseUrl). */
  changesPages: ReadonlyMap<string, string>;
}

/** A default short enough to show inline. */
const isShort = (yamlText: string | undefined): boolean => yamlText === undefined || (!yamlText.includes('\n') && yamlText.length <= 40);

function DefaultYaml({label, path, yaml}: {label: string; path: string; yaml: string | undefined}): ReactNode {
  return (
    <div>
      <span className={styles.defaultLabel}>{label}</span>
      {yaml === undefined ? (
        ' none'
      ) : (
        <div className={styles.code} role="region" aria-label={`Default of ${path} in ${label.replace(/:$/u, '')}`} tabIndex={0}>
          <pre>
            <code>{yaml}</code>
          </pre>
        </div>
      )}
    </div>
  );
}

/** A link to the field's entry on a release's what-changed page. */
function WhatChanged({version, entry, pages}: {version: string; entry: string; pages: ReadonlyMap<string, string>}): ReactNode {
  const page = pages.get(version);
  return page ? <Link to={`${page}#${entry}`}>what changed in {version}</Link> : <>{version}</>;
}

/** `; see what changed in 0.22.0 and the field` for the links there are; nothing when there are none. */
function SeeAlso({links}: {links: ReactNode[]}): ReactNode {
  if (!links.length) return null;
  return (
    <>
      ; see{' '}
      {links.map((link, i) => (
        <span key={i}>
          {i > 0 && (i === links.length - 1 ? ' and ' : ', ')}
          {link}
        </span>
      ))}
    </>
  );
}

/** What the file meets when it moves to a later release. */
export default function UpgradeSection({version, newer, target, onTarget, report, changesPages}: Props): ReactNode {
  return (
    <section className={styles.section} aria-labelledby="checker-upgrade-heading" data-testid="checker-upgrade">
      <h2 id="checker-upgrade-heading">Upgrade check</h2>
      {!newer.length ? (
        <p>{version} is the newest documented release: there is nothing to upgrade to.</p>
      ) : (
        <>
          <label className={styles.control}>
            <span>Upgrade from {version} to</span>
            <select value={target} onChange={(event) => onTarget(event.target.value)} data-testid="checker-upgrade-target">
              {newer.map((label) => (
                <option key={label} value={label}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {!report ? (
            <p>The upgrade check needs valid YAML: fix the invalid YAML first.</p>
          ) : (
            <>
              <h3>Keys your file sets that {report.to} removes ({report.removed.length})</h3>
              {report.removed.length ? (
                <ul data-testid="checker-upgrade-removed">
                  {report.removed.map((key) => (
                    <li key={key.path} data-path={key.path}>
                      <code>{key.path}</code> (line {key.line}): removed in {key.removedIn}
                      <SeeAlso
                        links={[
                          ...(key.listedIn ? [<WhatChanged version={key.listedIn} entry={key.entry} pages={changesPages} />] : []),
                          ...(key.field ? [<FieldDocsLink link={key.field} />] : []),
                        ]}
                      />
                      .
                    </li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
              <h3>Keys whose type changes ({report.retyped.length})</h3>
              {report.retyped.length ? (
                <ul data-testid="checker-upgrade-retyped">
                  {report.retyped.map((key) => (
                    <li key={key.path} data-path={key.path}>
                      <code>{key.path}</code> (line {key.line}): <code>{key.fromType}</code> becomes <code>{key.toType}</code> in {key.madeIn.join(', ')}
                      <SeeAlso links={key.listedIn ? [<WhatChanged version={key.listedIn} entry={key.entry} pages={changesPages} />] : []} />.
                    </li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
              <h3>Defaults your file relies on that change ({report.defaults.length})</h3>
              <p>Keys your file does not set, so the virtual cluster takes the new default after the upgrade.</p>
              {report.defaults.length ? (
                <ul data-testid="checker-upgrade-defaults">
                  {report.defaults.map((change) => (
                    <li key={change.path} data-path={change.path}>
                      {change.field ? <FieldDocsLink link={change.field}><code>{change.path}</code></FieldDocsLink> : <code>{change.path}</code>}
                      {isShort(change.fromYaml) && isShort(change.toYaml) ? (
                        <>
                          : <code>{change.fromYaml ?? 'none'}</code> → <code>{change.toYaml ?? 'none'}</code>
                        </>
                      ) : null}
                      {' '}(changed in {change.madeIn.join(', ')})
                      <SeeAlso links={change.listedIn.map((listed) => <WhatChanged version={listed} entry={change.entry} pages={changesPages} />)} />.
                      {!(isShort(change.fromYaml) && isShort(change.toYaml)) && (
                        <div className={styles.defaultChange}>
                          <DefaultYaml label={`${report.from}:`} path={change.path} yaml={change.fromYaml} />
                          <DefaultYaml label={`${report.to}:`} path={change.path} yaml={change.toYaml} />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
