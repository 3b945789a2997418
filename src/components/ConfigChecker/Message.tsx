import type {ReactNode} from 'react';

/** A finding's message, its `backticked` paths and values shown as code. */
export default function Message({text}: {text: string}): ReactNode {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/** The same message as plain text (for the editor's diagnostics). */
export function plain(text: string): string {
  return text.replace(/`/gu, '');
}
