import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { Compartment, EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { diagnosticsAt } from '../editorMarks.js';

const NONE = {};
const theme = EditorView.theme({
  '&': { fontSize: '.85rem', border: '1px solid var(--line)', borderRadius: '8px', background: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', maxHeight: '70vh', overflow: 'auto' },
  '.cm-content': { minHeight: '12rem' },
});

/**
 * A project file in CodeMirror 6: YAML highlighting, line numbers, and the validator's problems
 * (`marks`, line → message) and warnings (`warnings`, the same shape) shown as error and warning
 * diagnostics at their lines. Read-only unless `onChange` is given and `readOnly` is false. A `value`
 * changed from outside (another editor, a reload) replaces the text.
 */
export default function YamlEditor({ name, value, onChange, readOnly = false, marks = NONE, warnings = NONE, jumpTo }) {
  const host = useRef(null);
  const view = useRef(null);
  const editable = useRef(new Compartment());
  const listener = useRef(onChange);
  listener.current = onChange;

  useEffect(() => {
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': name, 'data-file': name }),
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && listener.current) listener.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // one view per mounted editor; later props are applied by the effects below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnosticsAt(v.state.doc, marks, warnings)));
  }, [marks, warnings, value]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jumpTo) return;
    const line = v.state.doc.line(Math.min(Math.max(1, jumpTo.line), v.state.doc.lines));
    v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    if (!readOnly) v.focus();
    // jumpTo is a fresh object per request, so the same line can be asked for twice
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpTo]);

  return <div className="yaml-editor" ref={host} data-testid="yaml-editor" />;
}
