/**
 * Remembers the last call: the same arguments (compared with Object.is) give
 * the same result without running `fn` again. Render helpers are asked the
 * same question several times per update (render, updated, controllers); the
 * feed object only changes when the data does.
 */
export function memoizeLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
