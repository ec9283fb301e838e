// Bot and tenant ids: the server accepts [A-Za-z0-9][A-Za-z0-9_.-]{0,63}; a display name is free
// text. The console proposes an id from the display name.

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** An id proposed from a display name: lower case, accents dropped, other runs become '-'. */
export function idFromName(name) {
  const ascii = (name || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}

/** Why an id is refused (a text key of i18n), or null when it is fine. */
export function idProblem(id) {
  if (!id) return 'idEmpty';
  if (id.length > 64) return 'idTooLong';
  if (!/^[A-Za-z0-9]/.test(id)) return 'idStart';
  if (!ID_PATTERN.test(id)) return 'idChars';
  return null;
}
