// One way to write dates, times and numbers on every page: the locale and time zone the server used
// for the page (on <html>), through Intl, so what a script writes reads like what the server wrote.
const root = document.documentElement;
const locale = root.dataset.locale || 'en-US';
const timeZone = root.dataset.zone || 'UTC';

const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
const minuteFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

const parse = (value) => (value instanceof Date ? value : new Date(value));

/** "Dec 7, 2026" (en-US), "7 Dec 2026" (en-GB). */
export const day = (value) => (value ? dayFormat.format(parse(value)) : '');
/** "Dec 7, 2026, 7:09 PM". */
export const minute = (value) => (value ? minuteFormat.format(parse(value)) : '');
export const time = (value) => (value ? timeFormat.format(parse(value)) : '');
export const number = (value) => (value === null || value === undefined || value === '' ? '' : numberFormat.format(Number(value)));
export const whole = (value) => (value === null || value === undefined || value === '' ? '' : Math.round(Number(value)).toLocaleString(locale));

/** Whole units with the currency's symbol: "$235,000". */
export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Number(amount));
  } catch (e) {
    return `${whole(amount)} ${currency ?? ''}`.trim();
  }
}

/** Per-currency totals, never added across currencies. */
export function totals(byCurrency) {
  const entries = Object.entries(byCurrency ?? {});
  return entries.length === 0 ? '0' : entries.map(([code, sum]) => money(sum, code)).join(' · ');
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", else the day. */
export function ago(value) {
  if (!value) return '';
  const minutes = (Date.now() - parse(value).getTime()) / 60000;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${Math.floor(minutes)} min ago`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ago`;
  if (minutes < 1440 * 31) return `${Math.floor(minutes / 1440)} d ago`;
  return day(value);
}
