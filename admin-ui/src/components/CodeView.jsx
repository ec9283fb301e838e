import { yamlTokens } from '../yaml.js';

/**
 * A project file with line numbers and YAML highlighting; lines named in `marks` (line → message)
 * are flagged. All text is rendered as text.
 */
export default function CodeView({ name, text, marks = {} }) {
  const lines = text.split('\n');
  return (
    <pre className="code" aria-label={name} tabIndex={0}>
      {lines.map((line, i) => {
        const mark = marks[i + 1];
        return (
          <div key={i} className={mark ? 'code-line marked' : 'code-line'} title={mark || undefined}>
            <span className="ln" aria-hidden="true">
              {i + 1}
            </span>
            {yamlTokens(line).map((tok, j) => (
              <span key={j} className={'tok-' + tok.type}>
                {tok.text}
              </span>
            ))}
            {mark ? <span className="mark-msg"> ⟵ {mark}</span> : null}
          </div>
        );
      })}
    </pre>
  );
}
