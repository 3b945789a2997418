/**
 * A quick upper bound of how deep a YAML text nests, for the editor: the
 * deepest run of open flow brackets (`[`, `{`, outside quotes and comments)
 * and the widest indentation. CodeMirror's YAML parser builds its syntax tree
 * by recursion, and a few thousand levels overflow the page's stack, so past
 * {@link EDITOR_NESTING_LIMIT} the editor shows the text without YAML
 * colours (the checker itself reads it in its worker, within its limits).
 * So it does past {@link EDITOR_HIGHLIGHT_MAX} characters.
 */

/** Flow brackets or indentation columns past which the editor turns YAML highlighting off. */
export const EDITOR_NESTING_LIMIT = 500;

/**
 * Texts longer than this are shown without YAML colours too: parsing a
 * large text for colours keeps the page busy in slices long after it is
 * pasted, and the findings come from the worker anyway.
 */
export const EDITOR_HIGHLIGHT_MAX = 256 * 1024;

export function nestingBound(text: string): number {
  let depth = 0;
  let deepest = 0;
  let indent = 0;
  let widest = 0;
  let lineStart = true;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (char === ' ') {
        widest = Math.max(widest, ++indent);
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    if ((char === '"' || char === "'") && (i === 0 || ' \t[{,:\n'.includes(text[i - 1]))) quote = char;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return Math.max(deepest, widest);
}
