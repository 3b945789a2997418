import {useState, type ReactNode} from 'react';
import type {CheckReport} from '../../checker/report';
import styles from './styles.module.css';

/** The longest minimal file shown on the page (a longer one is only copied: laying it out would hold up the page). */
const SHOWN_MAX = 200_000;

/** The file without the values that equal the release's defaults, to copy; only for a file that fits the release. */
export default function MinimalSection({version, report}: {version: string; report: CheckReport | undefined}): ReactNode {
  const [copied, setCopied] = useState('');
  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Minimal file copied.');
    } catch {
      setCopied('Copying is not allowed here: select the text and copy it.');
    }
  };
  const minimal = report?.minimal;
  const body = (() => {
    if (!report) return <p>The minimal file follows the check.</p>;
    if (report.empty) return <p>The file sets nothing: there is nothing to remove.</p>;
    if (report.adviceWithheld) {
      return (
        <p>
          No minimal file: {report.adviceWithheld.writtenFor ? `this file looks written for ${report.adviceWithheld.writtenFor}, not ${version}` : `this file sets keys ${version} lacks`}, and a value equal to a {version} default may
          not be the default of the release it is for. Choose that release to get its minimal file.
        </p>
      );
    }
    if (!minimal) return <p>The minimal file needs valid YAML: fix the invalid YAML first.</p>;
    if (!minimal.removed.length) return <p>Nothing to remove: no value in your file equals its {version} default.</p>;
    return (
      <>
        <p>
          Your file without the {minimal.removed.length} {minimal.removed.length === 1 ? 'value' : 'values'} that equal their {version} default; Helm fills
          them in from the chart.
        </p>
        {minimal.text.length > SHOWN_MAX ? (
          <p>It is {minimal.text.length.toLocaleString('en-US')} characters long: copy it to read it.</p>
        ) : (
          <div className={styles.code} role="region" aria-label="Minimal vcluster.yaml" tabIndex={0}>
            <pre>
              <code data-testid="checker-minimal-text">{minimal.text || '# every value equals its default: an empty file does the same\n'}</code>
            </pre>
          </div>
        )}
        <p className={styles.actions}>
          <button type="button" className="button button--secondary" onClick={() => void copy(minimal.text)}>
            Copy the minimal file
          </button>{' '}
          <span role="status">{copied}</span>
        </p>
      </>
    );
  })();
  return (
    <section className={styles.section} aria-labelledby="checker-minimal-heading" data-testid="checker-minimal">
      <h2 id="checker-minimal-heading">Minimal file</h2>
      {body}
    </section>
  );
}
