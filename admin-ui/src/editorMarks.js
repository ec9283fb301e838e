// The import validator's problems and warnings (line → message) as CodeMirror diagnostics.

/** Diagnostics of one severity, one per marked line, spanning the line's text past its indentation. */
function atLines(doc, marks, severity) {
  return Object.entries(marks || {}).map(([line, message]) => {
    const at = doc.line(Math.min(Math.max(1, Number(line) || 1), doc.lines));
    const indent = at.text.length - at.text.trimStart().length;
    return { from: at.from + Math.min(indent, at.length), to: at.to, severity, message };
  });
}

/**
 * One diagnostic per marked line: severity "error" for the problems (`marks`), the milder "warning"
 * for the `warnings`; each spans the line's text (past its indentation), lines past the end of the
 * document are clamped to the last one. Sorted by position, an error before a warning on the same line.
 */
export function diagnosticsAt(doc, marks, warnings) {
  return [...atLines(doc, marks, 'error'), ...atLines(doc, warnings, 'warning')]
    .sort((a, b) => a.from - b.from);
}

/** The marks as a list sorted by line, for the problem list under the editor. */
export function markList(marks) {
  return Object.entries(marks || {})
    .map(([line, message]) => ({ line: Number(line), message }))
    .sort((a, b) => a.line - b.line);
}
