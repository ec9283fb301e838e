// Dates and times in the UI's language (zh-CN in the Chinese UI), not the browser's.

const LOCALES = { en: 'en-GB', zh: 'zh-CN' };

/** The locale of a UI language. */
export function localeOf(lang) {
  return LOCALES[lang] || 'en-GB';
}

/** A date and time, e.g. 6 Dec 2026, 14:05 or 2026年12月6日 14:05. */
export function formatDateTime(value, lang) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day with seconds. */
export function formatTime(value, lang) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'medium' }).format(date);
}
