export * from "./cases.js";
export * from "./consents.js";
export * from "./core.js";
export * from "./indicators.js";
export * from "./meetings.js";
export * from "./plans.js";
export * from "./support.js";
export * from "./support-plans.js";
