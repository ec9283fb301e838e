import { useT } from '../i18n.js';

/** The confusion matrix as a heat map table: darker cells, more examples. */
export default function ConfusionMatrix({ matrix }) {
  const t = useT();
  const { labels, counts, max } = matrix;
  if (labels.length === 0) return null;
  return (
    <div className="scroll-x">
      <table className="heatmap" data-testid="confusion">
        <caption>{t('confusion')}</caption>
        <thead>
          <tr>
            <th scope="col"><span className="sr-only">{t('expected')}</span></th>
            {labels.map((l) => (
              <th key={l} scope="col" className="rot"><span>{l}</span></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((row, i) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {labels.map((col, j) => {
                const n = counts[i][j];
                const strength = max ? n / max : 0;
                const diagonal = i === j;
                const style = {
                  background: n === 0 ? 'transparent' : diagonal ? `rgba(34, 139, 84, ${0.15 + 0.85 * strength})` : `rgba(200, 60, 40, ${0.2 + 0.8 * strength})`,
                  color: strength > 0.55 ? '#fff' : 'inherit',
                };
                return (
                  <td key={col} style={style} title={`${row} → ${col}: ${n}`}>
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
