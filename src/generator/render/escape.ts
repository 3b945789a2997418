/**
 * The escaping the renderer does itself; everything else in a partial is
 * escaped by the MDX serialiser (see serialize.ts).
 */

/** Text for places Docusaurus reads as HTML (TOC entries). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A JSON value as a JavaScript expression inside MDX. JSON is valid
 * JavaScript; `<` is escaped too so the text can never read as JSX or close a
 * script element, and U+2028/U+2029 so older parsers accept it. Braces inside
 * strings are escaped as well: MDX's expression parser retries the whole
 * expression at every `}`, so compile time grew with the square of the braces
 * in a value (a partial under a 10,000-character key of `{account}`s took
 * over 30 s to compile).
 */
export function jsLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (string) =>
    string.replace(/[<{}\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
