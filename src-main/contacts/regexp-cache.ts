/**
 * Makes `new RegExp(source)` return one shared object per source string in THIS thread.
 *
 * Why: libphonenumber-js builds `new RegExp('^(?:' + pattern + ')$')` from its metadata on every
 * check (helpers/matchesEntirely.js), which was half of the time spent per phone number. A RegExp
 * without the `g` or `y` flag keeps no state between `test`/`exec` calls, so sharing it is safe; flagged
 * ones are built as usual. Only the prepare worker threads install this (their global scope is their
 * own), never the main thread. The cache is bounded (5,000 sources).
 */
export function installRegExpCache(): void {
  const Native = globalThis.RegExp;
  if ((Native as { __heraldCached?: boolean }).__heraldCached) return;
  const cache = new Map<string, RegExp>();
  const Cached = new Proxy(Native, {
    construct(target, args: [unknown, unknown?], newTarget) {
      const [source, flags] = args;
      if (typeof source !== 'string' || (flags !== undefined && flags !== '') || newTarget !== Cached)
        return Reflect.construct(target, args, newTarget) as RegExp;
      let re = cache.get(source);
      if (!re) {
        re = Reflect.construct(target, args, newTarget) as RegExp;
        if (cache.size < 5000) cache.set(source, re);
      }
      return re;
    },
    get(target, prop, receiver) {
      return prop === '__heraldCached' ? true : Reflect.get(target, prop, receiver);
    },
  });
  globalThis.RegExp = Cached;
}
