import { z } from "zod";
import { toHalfWidth } from "../../domain/text/normalize.js";

/** A whole number given in a query string (full-width digits accepted), with a field-named message. */
export const queryInteger = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (v) => (typeof v === "string" ? toHalfWidth(v).trim() : v),
    z.coerce
      .number({ error: `${name} は数値で指定してください` })
      .int(`${name} は整数で指定してください`)
      .min(min, `${name} は${min}以上です`)
      .max(max, `${name} は${max}以下です`),
  );

/** offset / limit of a paged list: where the page starts and how many rows it holds. */
export const pageQuery = (defaultLimit: number, maxLimit: number) => ({
  offset: queryInteger("offset", 0).default(0),
  limit: queryInteger("limit", 1, maxLimit).default(defaultLimit),
});
