// The chosen date on the chart: a vertical line with a handle on the time axis. Drag it
// (or click anywhere off a period) to choose another day; as a slider it takes the keys:
// arrows a month, Page Up and Page Down a year, Home and End the first and last day.

import { dayNumber, dayText } from './chart-geometry.js';
import { describeEdtf } from './historical-date.js';
import { svgEl } from './svg.js';

const KEY_COMMIT_DELAY_MS = 400;

export function createChartCursor(svg, scale, { top, height, day, onPreview, onChoose }) {
  const line = svgEl('line', { class: 'cursor-line', y1: 18, y2: height, 'aria-hidden': 'true' });
  const label = svgEl('text', { class: 'cursor-label', y: 10, 'aria-hidden': 'true' });
  const knob = svgEl('rect', { class: 'cursor-knob', y: 13, width: 12, height: 12, rx: 2 });
  const handle = svgEl('g', {
    class: 'cursor', tabindex: '0', role: 'slider', 'aria-label': 'Chosen date on the chart',
    'aria-valuemin': 0, 'aria-valuemax': Math.round(dayNumber(scale.lastDay) - dayNumber(scale.firstDay)),
  }, line, knob, label);
  svg.append(handle);
  let current = day;
  let dragging = false;
  let keyTimer = null;
  move(day);

  function move(newDay) {
    current = newDay < scale.firstDay ? scale.firstDay : newDay > scale.lastDay ? scale.lastDay : newDay;
    const x = scale.x(current);
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
    knob.setAttribute('x', x - 6);
    label.textContent = current;
    const labelWidth = 74;
    label.setAttribute('x', Math.min(Math.max(x - labelWidth / 2, 0), scale.width - labelWidth));
    handle.setAttribute('aria-valuenow', Math.round(dayNumber(current) - dayNumber(scale.firstDay)));
    handle.setAttribute('aria-valuetext', describeEdtf(current));
  }

  function preview(newDay) {
    move(newDay);
    onPreview(current);
  }

  function dayAtPointer(pointer) {
    const box = svg.getBoundingClientRect();
    return scale.dayAt((pointer.clientX - box.left) * (scale.width / box.width));
  }

  svg.addEventListener('pointerdown', (pointer) => {
    if (pointer.button !== 0 || pointer.target.closest('.period')) return;
    dragging = true;
    svg.setPointerCapture(pointer.pointerId);
    svg.classList.add('dragging');
    preview(dayAtPointer(pointer));
    pointer.preventDefault();
  });
  svg.addEventListener('pointermove', (pointer) => {
    if (dragging) preview(dayAtPointer(pointer));
  });
  const finish = (pointer) => {
    if (!dragging) return;
    dragging = false;
    svg.classList.remove('dragging');
    if (svg.hasPointerCapture(pointer.pointerId)) svg.releasePointerCapture(pointer.pointerId);
    if (pointer.type === 'pointerup') onChoose(current);
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', finish);

  handle.addEventListener('keydown', (key) => {
    const next = stepped(current, key.key);
    if (!next) return;
    key.preventDefault();
    key.stopPropagation();
    preview(next);
    window.clearTimeout(keyTimer);
    keyTimer = window.setTimeout(() => onChoose(current), KEY_COMMIT_DELAY_MS);
  });

  function stepped(from, key) {
    const [year, month, date] = from.split('-').map(Number);
    const shifted = (months) => {
      const target = new Date(Date.UTC(year, month - 1 + months, 1));
      const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(date, last));
      return target.toISOString().slice(0, 10);
    };
    switch (key) {
      case 'ArrowRight': case 'ArrowUp': return shifted(1);
      case 'ArrowLeft': case 'ArrowDown': return shifted(-1);
      case 'PageUp': return shifted(12);
      case 'PageDown': return shifted(-12);
      case 'Home': return scale.firstDay;
      case 'End': return scale.lastDay;
      default: return null;
    }
  }

  return { move, day: () => dayText(dayNumber(current)) };
}
