// The historical dates the page reads and shows: the EDTF subset of the chronicle
// (YYYY, YYYY-MM, YYYY-MM-DD, qualifiers ? ~ %, intervals with open ends "..").
// Days are 'YYYY-MM-DD' strings, computed in UTC so that no time zone shifts them.

const DAY_OR_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

/** The first month of the slider: the Collective Security Treaty was signed in May 1992. */
export const FIRST_MONTH = { year: 1992, month: 1 };

/**
 * Reads what a person typed as the date to look at: a year, a month or a day.
 * Answers { text, precision, earliest, latest } or { error }.
 */
export function parsePartialDate(input) {
  const text = String(input ?? '').trim();
  const match = DAY_OR_PART.exec(text);
  if (!match) return { error: 'Write a year (2006), a month (2006-08) or a day (2006-08-16).' };
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return { error: `${text}: there is no month ${match[2]}.` };
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) {
    return { error: `${text}: ${MONTH_NAMES[month - 1]} ${year} has no day ${match[3]}.` };
  }
  if (day !== null) return { text, precision: 'day', earliest: text, latest: text };
  if (month !== null) {
    return { text, precision: 'month', earliest: `${text}-01`, latest: `${text}-${pad(daysInMonth(year, month))}` };
  }
  return { text, precision: 'year', earliest: `${text}-01-01`, latest: `${text}-12-31` };
}

/**
 * The earliest and latest day an EDTF text of the chronicle may mean; an open or
 * unknown end is null. Qualifiers do not move the bounds.
 */
export function edtfBounds(edtf) {
  const text = String(edtf ?? '');
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const start = edtfBounds(text.slice(0, slash));
    const end = edtfBounds(text.slice(slash + 1));
    return { earliest: start.earliest, latest: end.latest };
  }
  const parsed = parsePartialDate(text.replace(/[?~%]$/, ''));
  return parsed.error ? { earliest: null, latest: null } : { earliest: parsed.earliest, latest: parsed.latest };
}

/** "2006-08~" → "about August 2006"; "../2007-10-06" → "by 6 October 2007". */
export function describeEdtf(edtf) {
  const text = String(edtf ?? '');
  if (!text) return 'date unknown';
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const start = text.slice(0, slash);
    const end = text.slice(slash + 1);
    if (start === '..' || start === '') return `by ${describeEdtf(end)}`;
    if (end === '..' || end === '') return `from ${describeEdtf(start)}`;
    return `between ${describeEdtf(start)} and ${describeEdtf(end)}`;
  }
  const qualifier = /[?~%]$/.exec(text)?.[0];
  const parsed = parsePartialDate(qualifier ? text.slice(0, -1) : text);
  if (parsed.error) return text;
  const plain = describePartialDate(parsed);
  if (qualifier === '~') return `about ${plain}`;
  if (qualifier === '?') return `${plain} (uncertain)`;
  if (qualifier === '%') return `about ${plain} (uncertain)`;
  return plain;
}

/** "since 15 May 1992", or "began by 23 June 2006" for an interval. */
export function sinceText(edtf) {
  return String(edtf ?? '').includes('/') ? `began ${describeEdtf(edtf)}` : `since ${describeEdtf(edtf)}`;
}

export function describePartialDate(parsed) {
  const [year, month, day] = parsed.text.split('-').map(Number);
  if (parsed.precision === 'year') return String(year);
  if (parsed.precision === 'month') return `${MONTH_NAMES[month - 1]} ${year}`;
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Months since FIRST_MONTH: the slider's value for a day or month. */
export function monthIndex(day) {
  const [year, month] = day.split('-').map(Number);
  return (year - FIRST_MONTH.year) * 12 + (month - FIRST_MONTH.month);
}

/** The month text ('YYYY-MM') of a slider value. */
export function monthAt(index) {
  const months = FIRST_MONTH.month - 1 + index;
  return `${FIRST_MONTH.year + Math.floor(months / 12)}-${pad((months % 12) + 1)}`;
}

export function todayUtc(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

export function addYears(day, years) {
  const [year, month, date] = day.split('-').map(Number);
  const target = year + years;
  return `${target}-${pad(month)}-${pad(Math.min(date, daysInMonth(target, month)))}`;
}

function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(number) {
  return String(number).padStart(2, '0');
}
