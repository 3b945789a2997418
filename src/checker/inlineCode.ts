/**
 * Code spans in finding messages, written as Markdown writes them: a run of
 * backticks, longer than any run inside the text, opens and closes the span
 * (with a space inside when the text starts or ends with a backtick, or with
 * a space at both ends). So a
 * key or value holding a backtick stays one span. The page shows the spans as
 * code; plain-text outputs (the editor's tooltips, a command line) drop the
 * fences.
 */

/** `text` as one code span. */
export function code(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/gu) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // Markdown strips one space from each end of a span that has one at both: pad so that the text survives.
  const spaced = text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  const pad = text.startsWith('`') || text.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export type MessagePart = string | {code: string};

/** A message as text and code spans (a backtick run with no closing run of the same length is text). */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let text = '';
  let at = 0;
  while (at < message.length) {
    const open = message.indexOf('`', at);
    if (open < 0) break;
    let length = 1;
    while (message[open + length] === '`') length++;
    const fence = '`'.repeat(length);
    // The closing run is exactly as long: not part of a longer run.
    let close = message.indexOf(fence, open + length);
    while (close >= 0 && (message[close + length] === '`' || message[close - 1] === '`')) {
      let end = close;
      while (message[end] === '`') end++;
      close = message.indexOf(fence, end);
    }
    if (close < 0) {
      text += message.slice(at, open + length);
      at = open + length;
      continue;
    }
    text += message.slice(at, open);
    if (text) parts.push(text);
    text = '';
    let inner = message.slice(open + length, close);
    if (inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim()) inner = inner.slice(1, -1);
    parts.push({code: inner});
    at = close + length;
  }
  text += message.slice(at);
  if (text) parts.push(text);
  return parts;
}

/** The message as plain text. */
export function plainMessage(message: string): string {
  return messageParts(message)
    .map((part) => (typeof part === 'string' ? part : part.code))
    .join('');
}
