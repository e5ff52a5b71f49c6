// The chart's arithmetic: days as numbers, the time scale from 1992 to today, where a
// period's solid core and its uncertain edges fall. No DOM here.

const MS_PER_DAY = 86_400_000;
export const CHART_FIRST_DAY = '1992-01-01';

export function dayNumber(day) {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function dayText(number) {
  return new Date(Math.round(number) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A linear scale from the first to the last day onto 0..width pixels, and back. */
export function timeScale(firstDay, lastDay, width) {
  const from = dayNumber(firstDay);
  const to = dayNumber(lastDay);
  const perDay = width / (to - from);
  const clampDay = (number) => Math.min(Math.max(number, from), to);
  return {
    firstDay, lastDay, width,
    x: (day) => (clampDay(dayNumber(day)) - from) * perDay,
    dayAt: (x) => dayText(clampDay(from + x / perDay)),
    years: () => {
      const years = [];
      for (let year = Number(firstDay.slice(0, 4)); year <= Number(lastDay.slice(0, 4)); year++) {
        if (dayNumber(`${year}-01-01`) >= from) years.push(year);
      }
      return years;
    },
  };
}

/**
 * Where a period is drawn, in days: it may begin anywhere from start.earliest to start.latest
 * and end anywhere from end.earliest to end.latest (an open or unknown side reaches the
 * chart's edge; a period still lasting ends on the last day). The core is the span it
 * certainly holds; the fades are its uncertain edges. A period with no certain day is all fade.
 */
export function periodSpan(period, firstDay, lastDay) {
  const clamp = (day) => (day < firstDay ? firstDay : day > lastDay ? lastDay : day);
  const startEarliest = clamp(period.start.earliest ?? firstDay);
  const startLatest = clamp(period.start.latest ?? lastDay);
  const endEarliest = period.end ? clamp(period.end.earliest ?? firstDay) : lastDay;
  const endLatest = period.end ? clamp(period.end.latest ?? lastDay) : lastDay;
  const from = startEarliest;
  const to = endLatest > from ? endLatest : from;
  if (!(startLatest < endEarliest)) return { from, to, core: null, fades: from < to ? [{ from, to }] : [] };
  const fades = [];
  if (startEarliest < startLatest) fades.push({ from: startEarliest, to: startLatest });
  if (endEarliest < endLatest) fades.push({ from: endEarliest, to: endLatest });
  return { from, to, core: { from: startLatest, to: endEarliest }, fades };
}
