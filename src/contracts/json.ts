/**
 * What a value becomes once it went through JSON.stringify and JSON.parse: a Date (anything with toJSON) the string
 * it writes, properties that are undefined or functions left out, arrays and objects mapped member by member.
 * The presenters build objects with Dates in them; the browser receives strings.
 */
export type Jsonify<T> = unknown extends T
  ? unknown
  : T extends { toJSON(...args: never[]): infer J }
    ? Jsonify<J>
    : T extends string | number | boolean | null
      ? T
      : T extends undefined | symbol | bigint | ((...args: never[]) => unknown)
        ? never
        : T extends readonly (infer E)[]
          ? Jsonify<E>[]
          : T extends object
            ? { [K in keyof T as Jsonify<T[K]> extends never ? never : K]: Jsonify<T[K]> }
            : never;

/** The answer of an async server function as the browser receives it. */
export type JsonOf<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
