// Per-file differences between two versions of a bot project ({path: text} each), for the
// upload preview and the version list.
import { structuredPatch } from 'diff';

/**
 * The files that differ, sorted by path: {file, status ('added' | 'removed' | 'changed'),
 * added, removed (line counts), lines: [{kind: '+' | '-' | ' ' | '@', text}]} with three lines of
 * context around each change.
 */
export function projectDiff(before = {}, after = {}) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out = [];
  for (const file of names) {
    const old = before[file];
    const now = after[file];
    if (old === now) continue;
    const status = old === undefined ? 'added' : now === undefined ? 'removed' : 'changed';
    const patch = structuredPatch(file, file, old ?? '', now ?? '', '', '', { context: 3 });
    const lines = [];
    let added = 0;
    let removed = 0;
    for (const hunk of patch.hunks) {
      lines.push({ kind: '@', text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@` });
      for (const line of hunk.lines) {
        const kind = line[0];
        if (kind === '\\') continue;
        if (kind === '+') added += 1;
        if (kind === '-') removed += 1;
        lines.push({ kind, text: line.slice(1) });
      }
    }
    out.push({ file, status, added, removed, lines });
  }
  return out;
}

/** Whether two projects are the same (nothing to train). */
export function sameProject(before = {}, after = {}) {
  return projectDiff(before, after).length === 0;
}
