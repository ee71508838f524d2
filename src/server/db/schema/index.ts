export * from "./core.js";
export * from "./plans.js";
