// The page's date and time helpers are pure modules: tested here in Node.js, no browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeEdtf, edtfBounds, monthAt, monthIndex, parsePartialDate,
} from '../../../src/CstoChronicle.Api/wwwroot/js/historical-date.js';
import {
  instantFromLocalField, justBefore, normalizeInstant,
} from '../../../src/CstoChronicle.Api/wwwroot/js/recorded-time.js';

test('a year, a month or a day is read as the days it may mean', () => {
  assert.deepEqual(parsePartialDate('2006'), { text: '2006', precision: 'year', earliest: '2006-01-01', latest: '2006-12-31' });
  assert.deepEqual(parsePartialDate('2008-02'), { text: '2008-02', precision: 'month', earliest: '2008-02-01', latest: '2008-02-29' });
  assert.equal(parsePartialDate(' 2006-08-16 ').latest, '2006-08-16');
});

test('impossible or malformed dates are refused with a reason', () => {
  assert.match(parsePartialDate('2022-02-30').error, /February 2022 has no day 30/);
  assert.match(parsePartialDate('1992-13').error, /no month 13/);
  for (const text of ['19920515', '2006-8-1', '', 'yesterday', '2006-08~']) {
    assert.ok(parsePartialDate(text).error, `accepted ${JSON.stringify(text)}`);
  }
});

test('EDTF dates of the chronicle have bounds and read as words', () => {
  assert.deepEqual(edtfBounds('2006-08~'), { earliest: '2006-08-01', latest: '2006-08-31' });
  assert.deepEqual(edtfBounds('../2007-10-06'), { earliest: null, latest: '2007-10-06' });
  assert.equal(describeEdtf('2016-10-14~'), 'about 14 October 2016');
  assert.equal(describeEdtf('2008?'), '2008 (uncertain)');
  assert.equal(describeEdtf('2007-10-06/2009-02-04'), 'between 6 October 2007 and 4 February 2009');
  assert.equal(describeEdtf('../2006-06-23'), 'by 23 June 2006');
});

test('the slider counts months from January 1992, both ways', () => {
  assert.equal(monthIndex('1992-01-15'), 0);
  assert.equal(monthIndex('2006-12-31'), 179);
  assert.equal(monthAt(179), '2006-12');
  assert.equal(monthAt(monthIndex('2013-06-01') - 1), '2013-05');
});

test('recorded times are UTC instants, whatever offset they were written with', () => {
  assert.equal(normalizeInstant('2026-01-01T03:00:00+03:00'), '2026-01-01T00:00:00Z');
  assert.equal(normalizeInstant('2026-01-01'), null);
  assert.equal(instantFromLocalField('2000-01-01T00:00'), '2000-01-01T00:00:00Z');
  assert.equal(justBefore('2026-11-29T18:39:00.123456Z'), '2026-11-29T18:39:00.122Z');
});
