export * from "./core.js";
export * from "./plans.js";
export * from "./indicators.js";
