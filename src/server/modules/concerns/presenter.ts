import type { ConcernCategory } from "./service.js";

export function presentConcern(c: ConcernCategory) {
  return { id: c.id, label: c.label, active: c.active };
}
