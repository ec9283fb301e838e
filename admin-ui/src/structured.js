// Intents with their examples and responses with their variations, read from a project's YAML files
// and written back by replacing only the changed node's text, so the rest of each file (comments,
// layout) stays as it was and the version diff shows just the edit.
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';

const YAML_FILE = /\.ya?ml$/i;

function parsed(text) {
  try {
    const doc = parseDocument(text);
    return doc.errors.length ? null : doc;
  } catch {
    return null;
  }
}

function column(text, offset) {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function pairOf(map, key) {
  return isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
}

/** The file's text with `node` replaced by `rendered` (lines after the first indented to the node's column). */
function replaceNode(text, node, rendered, indentRest = true) {
  const [start, end] = node.range;
  const pad = indentRest ? ' '.repeat(column(text, start)) : '';
  const trailing = text.slice(start, end).match(/\s*$/)[0];
  const lines = rendered.replace(/\s+$/, '').split('\n');
  const body = [lines[0], ...lines.slice(1).map((l) => (l ? pad + l : l))].join('\n');
  return text.slice(0, start) + body + (trailing || '\n') + text.slice(end);
}

/** The file's text with `rendered` added as the last entry of a block collection. */
function appendToCollection(text, collection, rendered) {
  const first = collection.items[0];
  // a sequence's items start after their "- "; the entry goes at the dash's column
  const firstStart = isMap(collection) ? first.key.range[0] : text.lastIndexOf('-', first.range[0] - 1);
  const pad = ' '.repeat(column(text, firstStart));
  const end = collection.range[1];
  let head = text.slice(0, end);
  if (!head.endsWith('\n')) head += '\n';
  const lines = rendered.replace(/\s+$/, '').split('\n').map((l) => (l ? pad + l : l));
  return head + lines.join('\n') + '\n' + text.slice(end);
}

/** An example list as Rasa writes it: a literal block of "- text" lines. */
function renderExamples(examples, indent) {
  const pad = ' '.repeat(indent);
  return '|\n' + examples.map((e) => `${pad}- ${e}`).join('\n');
}

function exampleLines(value) {
  return String(value || '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('-'))
    .map((l) => l.replace(/^-\s?/, ''));
}

function nluItems(text) {
  const doc = parsed(text);
  const nlu = doc && doc.get('nlu', true);
  return isSeq(nlu) ? { doc, nlu } : null;
}

/** Every intent of the NLU data: [{ name, file, examples }] in file order. */
export function readIntents(files) {
  const out = [];
  for (const file of Object.keys(files).sort()) {
    if (!YAML_FILE.test(file)) continue;
    const found = nluItems(files[file]);
    if (!found) continue;
    for (const item of found.nlu.items) {
      const name = pairOf(item, 'intent');
      if (!name) continue;
      const examples = pairOf(item, 'examples');
      out.push({ name: String(name.value.value), file, examples: exampleLines(examples && examples.value && examples.value.value) });
    }
  }
  return out;
}

/** The files with one intent's examples replaced. */
export function setExamples(files, file, intent, examples) {
  const text = files[file];
  const found = nluItems(text);
  if (!found) throw new Error(`${file} has no nlu section`);
  const item = found.nlu.items.find((i) => pairOf(i, 'intent') && String(pairOf(i, 'intent').value.value) === intent);
  if (!item) throw new Error(`${file} has no intent ${intent}`);
  const pair = pairOf(item, 'examples');
  const keyColumn = column(text, pairOf(item, 'intent').key.range[0]);
  if (pair && pair.value && pair.value.range) {
    return { ...files, [file]: replaceNode(text, pair.value, renderExamples(examples, keyColumn + 2), false) };
  }
  // no examples yet: add the key after the intent's last entry
  const addition = `examples: ${renderExamples(examples, 2)}`;
  return { ...files, [file]: appendToCollection(text, item, addition) };
}

/** Moves one example from an intent to another (each given as { file, name }). */
export function moveExample(files, from, to, example) {
  const intents = readIntents(files);
  const source = intents.find((i) => i.file === from.file && i.name === from.name);
  const target = intents.find((i) => i.file === to.file && i.name === to.name);
  if (!source || !target) throw new Error('unknown intent');
  const removed = setExamples(files, source.file, source.name, source.examples.filter((e) => e !== example));
  const again = readIntents(removed).find((i) => i.file === target.file && i.name === target.name);
  return setExamples(removed, target.file, target.name, [...again.examples, example]);
}

/** The first file with NLU data, or data/nlu.yml. */
function nluFile(files) {
  return Object.keys(files).sort().find((f) => YAML_FILE.test(f) && nluItems(files[f])) || 'data/nlu.yml';
}

function domainFile(files) {
  return ['domain.yml', 'domain.yaml'].find((f) => files[f] !== undefined);
}

/** The files with a new intent (and its first example) in the NLU data and the domain's intent list. */
export function addIntent(files, name, example) {
  const file = nluFile(files);
  const entry = `- intent: ${name}\n  examples: ${renderExamples([example], 4)}`;
  let next;
  if (files[file] === undefined || !nluItems(files[file])) {
    next = { ...files, [file]: `version: "3.1"\nnlu:\n${entry}\n` };
  } else {
    next = { ...files, [file]: appendToCollection(files[file], nluItems(files[file]).nlu, entry) };
  }
  const domain = domainFile(next);
  const doc = domain && parsed(next[domain]);
  const intents = doc && doc.get('intents', true);
  if (isSeq(intents) && intents.items.length && intents.range && !intents.flow) {
    const known = intents.items.some((i) => (isScalar(i) ? i.value : isMap(i) ? i.items[0]?.key?.value : null) === name);
    if (!known) next = { ...next, [domain]: appendToCollection(next[domain], intents, `- ${name}`) };
  }
  return next;
}

function responsesOf(text) {
  const doc = parsed(text);
  const responses = doc && doc.get('responses', true);
  return isMap(responses) ? responses : null;
}

/** Every response of the domain: [{ name, file, variations: [{ text, buttons: [{title, payload}], ...rest }] }]. */
export function readResponses(files) {
  const out = [];
  for (const file of Object.keys(files).sort()) {
    if (!YAML_FILE.test(file)) continue;
    const responses = responsesOf(files[file]);
    if (!responses) continue;
    for (const pair of responses.items) {
      const value = pair.value && pair.value.toJSON ? pair.value.toJSON() : [];
      const variations = (Array.isArray(value) ? value : []).map((v) => ({
        ...(v && typeof v === 'object' ? v : { text: String(v) }),
        text: v && typeof v === 'object' ? v.text ?? '' : String(v),
        buttons: v && Array.isArray(v.buttons) ? v.buttons.map((b) => ({ title: b.title ?? '', payload: b.payload ?? '' })) : [],
      }));
      out.push({ name: String(pair.key.value), file, variations });
    }
  }
  return out;
}

function cleanVariation(v) {
  const out = {};
  for (const [key, value] of Object.entries(v)) {
    if (key === 'buttons') {
      if (value.length) out.buttons = value.map((b) => ({ title: b.title, payload: b.payload }));
    } else if (key !== 'text' || value !== '' || !v.image) {
      out[key] = value;
    }
  }
  return out;
}

/** The files with one response's variations replaced. */
export function setVariations(files, file, name, variations) {
  const text = files[file];
  const responses = responsesOf(text);
  const pair = responses && pairOf(responses, name);
  if (!pair) throw new Error(`${file} has no response ${name}`);
  const rendered = stringify(variations.map(cleanVariation), { lineWidth: 0, indentSeq: false, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return { ...files, [file]: replaceNode(text, pair.value, rendered) };
}

/** The files with a new response (one variation) in the domain's responses. */
export function addResponse(files, name, text) {
  const file = Object.keys(files).sort().find((f) => YAML_FILE.test(f) && responsesOf(files[f])) || domainFile(files) || 'domain.yml';
  const body = stringify([{ text }], { lineWidth: 0, indentSeq: false, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).replace(/\s+$/, '');
  const entry = `${name}:\n${body}`;
  const current = files[file] || '';
  const responses = responsesOf(current);
  if (responses && responses.items.length && !responses.flow) {
    return { ...files, [file]: appendToCollection(current, responses, entry) };
  }
  const indented = entry.split('\n').map((l) => '  ' + l).join('\n');
  return { ...files, [file]: current.replace(/\s*$/, '\n') + `responses:\n${indented}\n` };
}
