// Sorting the rows of a table by one column.

/** The rows sorted by `key`, ascending or descending; numbers as numbers, text by locale. */
export function sortRows(rows, key, direction = 'asc') {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
    return sign * order;
  });
}
