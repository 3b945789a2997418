import type {ReactNode} from 'react';
import {messageParts} from '../../checker/inlineCode';

/** A finding's message, its code spans (src/checker/inlineCode.ts) shown as code. */
export default function Message({text}: {text: string}): ReactNode {
  return messageParts(text).map((part, i) => (typeof part === 'string' ? part : <code key={i}>{part.code}</code>));
}
