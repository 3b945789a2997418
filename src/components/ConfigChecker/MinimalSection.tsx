import {useState, type ReactNode} from 'react';
import type {MinimalFile} from '../../checker/minimal';
import styles from './styles.module.css';

/** The file without the values that equal the release's defaults, to copy. */
export default function MinimalSection({version, minimal}: {version: string; minimal: MinimalFile | undefined}): ReactNode {
  const [copied, setCopied] = useState('');
  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Minimal file copied.');
    } catch {
      setCopied('Copying is not allowed here: select the text and copy it.');
    }
  };
  return (
    <section className={styles.section} aria-labelledby="checker-minimal-heading" data-testid="checker-minimal">
      <h2 id="checker-minimal-heading">Minimal file</h2>
      {!minimal ? (
        <p>The minimal file needs valid YAML: fix the invalid YAML first.</p>
      ) : !minimal.removed.length ? (
        <p>Nothing to remove: no value in your file equals its {version} default.</p>
      ) : (
        <>
          <p>
            Your file without the {minimal.removed.length} {minimal.removed.length === 1 ? 'value' : 'values'} that equal their {version} default; Helm
            fills them in from the chart.
          </p>
          <div className={styles.code} role="region" aria-label="Minimal vcluster.yaml" tabIndex={0}>
            <pre>
              <code data-testid="checker-minimal-text">{minimal.text || '# every value equals its default: an empty file does the same\n'}</code>
            </pre>
          </div>
          <p className={styles.actions}>
            <button type="button" className="button button--secondary" onClick={() => void copy(minimal.text)}>
              Copy the minimal file
            </button>{' '}
            <span role="status">{copied}</span>
          </p>
        </>
      )}
    </section>
  );
}
