import { useState } from 'react';
import { useT } from '../i18n.js';
import { sortRows } from '../sorting.js';

/**
 * A table whose column headers sort it (click again to reverse). `columns`: [{key, label,
 * format?, numeric?}]; `rowKey` names the unique column.
 */
export default function SortableTable({ columns, rows, rowKey, initialSort, caption, testId }) {
  const t = useT();
  const [sort, setSort] = useState(initialSort || { key: columns[0].key, direction: 'asc' });
  const sorted = sortRows(rows, sort.key, sort.direction);
  const toggle = (key) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  return (
    <div className="scroll-x">
      <table className="table compact sortable" data-testid={testId}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : ''}>
                <button type="button" className="sort" onClick={() => toggle(c.key)} title={t('sortBy', { column: c.label })}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row[rowKey]}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : ''}>{c.format ? c.format(row[c.key], row) : String(row[c.key] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
