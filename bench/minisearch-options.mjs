// MiniSearch's settings for the benchmark, shared by the index build (node) and the page:
// `loadJSON` must get the options the index was built with.

/** Index options: the two text fields, as MiniSearch's README recommends. */
export const MINISEARCH_OPTIONS = {
  fields: ['title', 'text'],
  searchOptions: { fuzzy: 0.2, prefix: true },
};
