import { currentFiscalYear } from "../../format";
import type { GradeDef, Plan } from "../../types";

export interface PlanDraft {
  title: string;
  kind: string;
  startFiscalYear: number;
  endFiscalYear: number;
  levelNames: string[];
  gradeScale: GradeDef[];
  constituentPlans: { code: string; title: string }[];
}

const MEGURO_SCALE: GradeDef[] = [
  { code: "AA", label: "目標を上回り達成した" },
  { code: "A", label: "達成した・おおむね達成した" },
  { code: "B", label: "ある程度達成した" },
  { code: "C", label: "少し達成した" },
  { code: "D", label: "達成していない" },
];

export function defaultDraft(): PlanDraft {
  const fy = currentFiscalYear();
  return {
    title: "",
    kind: "地域福祉計画",
    startFiscalYear: fy,
    endFiscalYear: fy + 4,
    levelNames: ["基本目標", "施策", "事業"],
    gradeScale: MEGURO_SCALE.map((g) => ({ ...g })),
    constituentPlans: [],
  };
}

export function draftOf(p: Plan): PlanDraft {
  return {
    title: p.title,
    kind: p.kind,
    startFiscalYear: p.startFiscalYear,
    endFiscalYear: p.endFiscalYear,
    levelNames: [...p.levelNames],
    gradeScale: p.gradeScale.map((g) => ({ ...g })),
    constituentPlans: p.constituentPlans.map((c) => ({ ...c })),
  };
}
