/** The audit trail's date search reads days as the rest of the product does (one 和暦 module in src/domain). */
export { endOfJapaneseDay, parseJapaneseDate, startOfJapaneseDay } from "../../../domain/japanese-date.js";
