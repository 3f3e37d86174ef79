/** Most sources the cache keeps; libphonenumber's `max` metadata needs a few thousand at most. */
const MAX_CACHED = 5000;

/**
 * Makes `new RegExp(source)` return one shared object per source string in THIS thread.
 *
 * Why: libphonenumber-js builds `new RegExp('^(?:' + pattern + ')$')` from its metadata on every
 * check (helpers/matchesEntirely.js, ~6 per number), and compiling or even looking up such a pattern
 * in V8's cache costs more than the match. A RegExp without flags keeps no state between
 * `test`/`exec` calls (`lastIndex` is only read and written for the `g` and `y` flags), so sharing it is
 * safe; flagged ones, calls without `new`, non-string sources and subclasses are built as usual.
 *
 * How: a plain constructor function (a Proxy's `construct` trap cost more than the native RegExp it
 * saved) whose cache is bucketed by source length and compared with `===`, because the source is a
 * fresh concatenation every time and hashing it for a Map costs as much as compiling. Statics
 * (`RegExp.escape`, `Symbol.species`, …) and `instanceof RegExp` keep working through the prototype
 * chain. Only the prepare worker threads install it (their global scope is their own), never the
 * thread that serves requests. At most MAX_CACHED sources are kept.
 */
export function installRegExpCache(): void {
  const Native = globalThis.RegExp;
  if ((Native as { __heraldCached?: boolean }).__heraldCached) return;
  const buckets = new Map<number, { source: string; re: RegExp }[]>();
  let size = 0;
  function CachedRegExp(this: unknown, pattern?: string | RegExp, flags?: string): RegExp {
    if (new.target === undefined) return Native(pattern as string, flags);
    if (typeof pattern !== 'string' || flags !== undefined || new.target !== CachedRegExp)
      return Reflect.construct(Native, [pattern, flags], new.target) as RegExp;
    let bucket = buckets.get(pattern.length);
    if (bucket) {
      for (const entry of bucket) if (entry.source === pattern) return entry.re;
    }
    const re = new Native(pattern);
    if (size < MAX_CACHED) {
      if (!bucket) buckets.set(pattern.length, (bucket = []));
      bucket.push({ source: pattern, re });
      size++;
    }
    return re;
  }
  Object.setPrototypeOf(CachedRegExp, Native);
  Object.defineProperty(CachedRegExp, 'prototype', { value: Native.prototype });
  Object.defineProperty(CachedRegExp, '__heraldCached', { value: true });
  globalThis.RegExp = CachedRegExp as unknown as RegExpConstructor;
}
