// Entities of a parse for display: the same entity and value found by several extractors (e.g.
// the regex and the language extractor both finding a phone number) is shown once.

/** [{key, entity, value, extractors}] in first-found order. */
export function distinctEntities(entities = []) {
  const byKey = new Map();
  for (const e of entities) {
    const key = `${e.entity}\u0000${JSON.stringify(e.value)}\u0000${e.role ?? ''}\u0000${e.group ?? ''}`;
    const seen = byKey.get(key);
    if (seen) {
      if (e.extractor && !seen.extractors.includes(e.extractor)) seen.extractors.push(e.extractor);
    } else {
      byKey.set(key, { key, entity: e.entity, value: e.value, extractors: e.extractor ? [e.extractor] : [] });
    }
  }
  return [...byKey.values()];
}
