/**
 * The checker's editor: CodeMirror 6 with YAML highlighting, line numbers,
 * the lint gutter and the findings as diagnostics. Colours come from CSS
 * variables (styles.module.css), so it follows the site's light and dark
 * mode. Tab indents (CodeMirror's `indentWithTab`); Escape then Tab moves
 * focus on, as the note beside the editor says, whatever had the Escape.
 */
import {forwardRef, useEffect, useImperativeHandle, useRef, type ReactNode} from 'react';
import {defaultKeymap, history, historyKeymap, indentWithTab} from '@codemirror/commands';
import {yaml} from '@codemirror/lang-yaml';
import {HighlightStyle, indentOnInput, syntaxHighlighting} from '@codemirror/language';
import {lintGutter, lintKeymap, setDiagnostics, type Diagnostic} from '@codemirror/lint';
import {Annotation, Compartment, EditorSelection, EditorState, Prec} from '@codemirror/state';
import {EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder} from '@codemirror/view';
import {tags} from '@lezer/highlight';
import {EDITOR_HIGHLIGHT_MAX, EDITOR_NESTING_LIMIT, nestingBound} from './nesting';
import styles from './styles.module.css';

export interface EditorHandle {
  /** Replaces the whole text (a file opened, a share link restored). */
  setText(text: string): void;
  /** Puts the cursor at an offset, scrolls it into view and focuses the editor. */
  moveTo(offset: number): void;
  text(): string;
}

interface Props {
  initialText: string;
  label: string;
  /** The id of the text that says how to use the editor by keyboard. */
  describedBy: string;
  /** Called on every change; `immediate` for a paste, a drop or a replaced text (no typing pause to wait for). */
  onChange(text: string, immediate: boolean): void;
  /** Diagnostics for the text they were computed on; ignored when the text has changed since. */
  diagnostics: {text: string; items: readonly Diagnostic[]};
}

/** Marks the transactions of `setText`. */
const replaced = Annotation.define<boolean>();

/** The YAML language, off while the text nests past what its parser can take (./nesting.ts). */
const language = new Compartment();
const BRACKETS = /[[\]{}\n]/u;

/** Turns YAML highlighting off in the same transaction that makes the text too deep or too long for it, and on again when it no longer is. */
const guardNesting = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const on = language.get(tr.startState) !== EMPTY;
  let off: boolean;
  if (tr.newDoc.length > EDITOR_HIGHLIGHT_MAX) off = true;
  else {
    let touched = tr.startState.doc.length > EDITOR_HIGHLIGHT_MAX;
    tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      touched ||= inserted.length > 1000 || BRACKETS.test(inserted.toString()) || BRACKETS.test(tr.startState.doc.sliceString(fromA, toA));
    });
    if (!touched && on) return null;
    off = nestingBound(tr.newDoc.toString()) > EDITOR_NESTING_LIMIT;
  }
  return off === !on ? null : {effects: language.reconfigure(off ? EMPTY : yaml())};
});
const EMPTY: readonly never[] = [];

const highlight = HighlightStyle.define([
  {tag: tags.definition(tags.propertyName), color: 'var(--checker-key)'},
  {tag: [tags.string, tags.special(tags.string)], color: 'var(--checker-string)'},
  {tag: tags.content, color: 'var(--checker-value)'},
  {tag: tags.lineComment, color: 'var(--checker-comment)', fontStyle: 'italic'},
  {tag: [tags.labelName, tags.typeName, tags.meta, tags.keyword], color: 'var(--checker-meta)'},
]);

const theme = EditorView.theme({
  '&': {color: 'var(--ifm-font-color-base)', backgroundColor: 'var(--ifm-background-color)', fontSize: 'var(--ifm-code-font-size)'},
  '&.cm-focused': {outline: '2px solid var(--ifm-color-primary)', outlineOffset: '2px'},
  '.cm-scroller': {fontFamily: 'var(--ifm-font-family-monospace)', lineHeight: '1.5'},
  '.cm-content': {caretColor: 'var(--ifm-font-color-base)'},
  '.cm-cursor, .cm-dropCursor': {borderLeftColor: 'var(--ifm-font-color-base)'},
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {backgroundColor: 'var(--checker-selection)'},
  '.cm-gutters': {backgroundColor: 'var(--ifm-color-emphasis-100)', color: 'var(--ifm-color-emphasis-800)', borderRight: '1px solid var(--ifm-color-emphasis-300)'},
  '.cm-activeLine': {backgroundColor: 'var(--checker-active-line)'},
  '.cm-activeLineGutter': {backgroundColor: 'var(--ifm-color-emphasis-200)'},
  '.cm-placeholder': {color: 'var(--ifm-color-emphasis-700)'},
  '.cm-tooltip': {backgroundColor: 'var(--ifm-background-surface-color)', color: 'var(--ifm-font-color-base)', border: '1px solid var(--ifm-color-emphasis-300)'},
});

export default forwardRef<EditorHandle, Props>(function Editor({initialText, label, describedBy, onChange, diagnostics}, ref): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  // The text last handed to `onChange`: diagnostics computed on it apply, others are stale (compared without making the text again).
  const current = useRef(initialText);

  useEffect(() => {
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          lintGutter(),
          history(),
          // No blinking caret for readers who ask for reduced motion.
          drawSelection({cursorBlinkRate: reducedMotion ? 0 : 1200}),
          indentOnInput(),
          highlightActiveLine(),
          language.of(yaml()),
          guardNesting,
          syntaxHighlighting(highlight),
          placeholder('Paste or type your vcluster.yaml here'),
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
          // tabindex: the scroller's focusable content, for tools that do not count contenteditable as focusable.
          EditorView.contentAttributes.of({'aria-label': label, 'aria-describedby': describedBy, tabindex: '0'}),
          // Escape, then Tab, always moves focus on: a finding's tooltip (after F8) or a panel that takes Escape must not leave Tab indenting.
          Prec.highest(
            EditorView.domEventHandlers({
              keydown(event, view) {
                if (event.key === 'Escape') view.setTabFocusMode(2000);
                return false;
              },
            }),
          ),
          theme,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const immediate = update.transactions.some((tr) => tr.annotation(replaced) || tr.isUserEvent('input.paste') || tr.isUserEvent('input.drop'));
            current.current = update.state.doc.toString();
            changed.current(current.current, immediate);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; its text is then its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || current.current !== diagnostics.text) return;
    editor.dispatch(setDiagnostics(editor.state, diagnostics.items));
  }, [diagnostics]);

  useImperativeHandle(ref, () => ({
    setText(text) {
      const editor = view.current;
      editor?.dispatch({changes: {from: 0, to: editor.state.doc.length, insert: text}, annotations: replaced.of(true)});
    },
    moveTo(offset) {
      const editor = view.current;
      if (!editor) return;
      const at = Math.min(offset, editor.state.doc.length);
      editor.dispatch({selection: EditorSelection.cursor(at), scrollIntoView: true});
      editor.focus();
    },
    text: () => current.current,
  }));

  return <div ref={host} className={styles.editor} />;
});
