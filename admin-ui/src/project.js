// Bot projects as zips in the browser: read an uploaded zip into {path: text} and write one back.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const TEXT = /\.(ya?ml|md|json|txt)$/i;

/** The text files of a project zip, with a common top folder removed (as the server does). */
export function readProjectZip(bytes) {
  const entries = unzipSync(new Uint8Array(bytes));
  const files = {};
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/') || !TEXT.test(path) || path.includes('__MACOSX')) continue;
    files[path] = strFromU8(data);
  }
  const paths = Object.keys(files);
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  if (tops.size === 1 && paths.every((p) => p.includes('/')) && !paths.some((p) => p === 'domain.yml')) {
    const top = [...tops][0] + '/';
    return Object.fromEntries(Object.entries(files).map(([p, text]) => [p.slice(top.length), text]));
  }
  return files;
}

/** A zip of the files. */
export function writeProjectZip(files) {
  const entries = {};
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return zipSync(entries);
}

/** Validation problems by file, then line → message. */
export function problemsByFile(details) {
  const out = {};
  for (const d of details || []) {
    if (!d.file) continue;
    out[d.file] = out[d.file] || {};
    const line = d.line || 1;
    out[d.file][line] = out[d.file][line] ? out[d.file][line] + '; ' + d.message : d.message;
  }
  return out;
}
