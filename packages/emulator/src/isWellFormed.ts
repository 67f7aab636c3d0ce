const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/**
 * No lone surrogates (which no UTF-8 encoder can write faithfully). Node 20 has the native
 * `String.prototype.isWellFormed`; the regex keeps the types at ES2023 and covers older runtimes.
 */
export const isWellFormed: (text: string) => boolean = native
  ? (text) => native.call(text)
  : (text) => !LONE_SURROGATE.test(text);
