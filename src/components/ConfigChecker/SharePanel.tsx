import {useState, type ReactNode} from 'react';
import type {SharedState} from '../../checker/share';
import type {CheckerClient} from './workerClient';
import styles from './styles.module.css';

interface Props {
  client: CheckerClient;
  /** The state to share, read when the reader asks for the link. */
  state(): SharedState;
  /** Keys of the checked file whose values look secret (src/checker/secrets.ts). */
  secrets: readonly string[];
}

/**
 * The share link: made in the worker (it may compress a large file), after
 * telling the reader that the link carries the whole file, and offering to
 * leave out the values of keys that look secret (on by default when there
 * are any).
 */
export default function SharePanel({client, state, secrets}: Props): ReactNode {
  const [leaveOut, setLeaveOut] = useState(true);
  const [share, setShare] = useState<{href: string; status: string}>();
  const listed = secrets.slice(0, 3);

  async function copy(): Promise<void> {
    const omit = leaveOut && secrets.length > 0;
    let made: {fragment: string; leftOut: string[]};
    try {
      made = await client.share(state(), omit);
    } catch (error) {
      setShare({href: '', status: `No share link: ${(error as Error).message}.`});
      return;
    }
    const href = `${window.location.origin}${window.location.pathname}#${made.fragment}`;
    const what = made.leftOut.length ? `your file, with ${made.leftOut.length === 1 ? 'the value of one key that looks' : `the values of ${made.leftOut.length} keys that look`} secret left out,` : 'your whole file';
    let status = `The link is below: select it and copy it. It holds ${what} in the link itself.`;
    try {
      await navigator.clipboard.writeText(href);
      status = `Share link copied. It holds ${what} in the link itself; nothing was sent anywhere.`;
    } catch {
      // No clipboard permission: the reader copies the link from the field.
    }
    setShare({href, status});
  }

  return (
    <div className={styles.share} data-testid="checker-share">
      <p id="checker-share-note" className={styles.shareNote}>
        A share link carries the whole file inside the link: whoever has the link can read it. It is made here and sent nowhere.
      </p>
      {secrets.length > 0 && (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={leaveOut} onChange={(event) => setLeaveOut(event.target.checked)} data-testid="checker-leave-out-secrets" />
          <span>
            Leave out the values of {secrets.length === 1 ? 'one key' : `${secrets.length} keys`} that look secret (
            {listed.map((path, i) => (
              <span key={path}>
                {i > 0 && ', '}
                <code>{path}</code>
              </span>
            ))}
            {secrets.length > listed.length ? ', …' : ''})
          </span>
        </label>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={() => void copy()} aria-describedby="checker-share-note">
          Copy share link
        </button>
      </p>
      {share && (
        <>
          {share.href && (
            <label className={styles.shareLink}>
              <span>Share link</span>
              <input type="text" readOnly value={share.href} onFocus={(event) => event.target.select()} data-testid="checker-share-link" />
            </label>
          )}
          <p role="status">{share.status}</p>
        </>
      )}
    </div>
  );
}
