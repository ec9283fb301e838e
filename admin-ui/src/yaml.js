// A small YAML highlighter: splits a line into typed tokens, which the page renders as
// <span>s (as text, never as HTML).

export function yamlTokens(line) {
  const tokens = [];
  const comment = line.match(/^(\s*)(#.*)$/);
  if (comment) {
    if (comment[1]) tokens.push({ type: 'plain', text: comment[1] });
    tokens.push({ type: 'comment', text: comment[2] });
    return tokens;
  }
  const m = line.match(/^(\s*(?:-\s+)?)([^\s:#"'][^:#]*?)(:)(\s|$)(.*)$/);
  let rest = line;
  if (m) {
    if (m[1]) tokens.push({ type: 'punct', text: m[1] });
    tokens.push({ type: 'key', text: m[2] });
    tokens.push({ type: 'punct', text: m[3] + m[4] });
    rest = m[5];
  } else {
    const dash = line.match(/^(\s*-\s+)(.*)$/);
    if (dash) {
      tokens.push({ type: 'punct', text: dash[1] });
      rest = dash[2];
    }
  }
  if (rest) {
    const hash = rest.search(/\s#/);
    const value = hash >= 0 ? rest.slice(0, hash) : rest;
    const type = /^\s*["']/.test(value) ? 'string' : /^\s*(true|false|null|~|-?\d+(\.\d+)?)\s*$/.test(value) ? 'literal' : 'value';
    if (value) tokens.push({ type, text: value });
    if (hash >= 0) tokens.push({ type: 'comment', text: rest.slice(hash) });
  }
  return tokens;
}
