// The curated dataset in data/, read directly, so that a spec can check that what the
// page shows is what the sources say, word for word.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dataFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

/** Every verbatim quote the dataset's events cite. */
export function datasetQuotes() {
  const quotes = new Set();
  for (const file of readdirSync(path.join(dataFolder, 'events'))) {
    for (const fact of JSON.parse(readFileSync(path.join(dataFolder, 'events', file), 'utf8'))) {
      for (const citation of fact.data.sources ?? []) if (citation.quote) quotes.add(citation.quote);
    }
  }
  return quotes;
}
