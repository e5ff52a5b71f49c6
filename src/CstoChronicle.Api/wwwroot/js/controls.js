// The date field, the month slider and the recorded-at field: they show the page state
// and turn what a person does with them into a new state to show.

import { describePartialDate, monthAt, monthIndex, parsePartialDate, todayUtc } from './historical-date.js';
import { instantFromLocalField, localFieldFromInstant } from './recorded-time.js';

export function bindControls(elements, { onChoose }) {
  const { form, asOf, asOfError, slider, sliderEnd, knownAt, latestButton } = elements;
  const lastMonth = monthIndex(todayUtc());
  slider.max = String(lastMonth);
  sliderEnd.textContent = todayUtc().slice(0, 4);

  form.addEventListener('submit', (submit) => {
    submit.preventDefault();
    const parsed = parsePartialDate(asOf.value);
    if (parsed.error) {
      showError(parsed.error);
      asOf.focus();
      return;
    }
    showError(null);
    onChoose({ asOf: parsed.text, knownAt: instantFromLocalField(knownAt.value) ?? '' });
  });

  slider.addEventListener('input', () => {
    const month = monthAt(Number(slider.value));
    asOf.value = month;
    showError(null);
    describeSlider(month);
  });
  slider.addEventListener('change', () => {
    onChoose({ asOf: monthAt(Number(slider.value)), knownAt: instantFromLocalField(knownAt.value) ?? '' });
  });

  knownAt.addEventListener('change', () => form.requestSubmit());
  latestButton.addEventListener('click', () => {
    knownAt.value = '';
    form.requestSubmit();
  });

  function showError(message) {
    asOfError.hidden = !message;
    asOfError.textContent = message ?? '';
    if (message) asOf.setAttribute('aria-invalid', 'true');
    else asOf.removeAttribute('aria-invalid');
  }

  function describeSlider(monthText) {
    slider.setAttribute('aria-valuetext', describePartialDate(parsePartialDate(monthText)));
  }

  /** Shows a state in the controls (no asOf: today); an invalid asOf from the URL is shown with its error. */
  function show({ asOf: asOfText, knownAt: knownAtText }, error) {
    asOf.value = asOfText || todayUtc();
    showError(error);
    const parsed = parsePartialDate(asOf.value);
    if (!parsed.error) {
      slider.value = String(Math.min(Math.max(monthIndex(parsed.latest), 0), lastMonth));
      describeSlider(parsed.latest.slice(0, 7));
    }
    knownAt.value = localFieldFromInstant(knownAtText);
  }

  return { show };
}
