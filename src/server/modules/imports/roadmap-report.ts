import type { ParsedRoadmap } from "../../../domain/import-roadmap/types.js";

/**
 * What the preview shows and the CLI prints for a roadmap: the year, the counts, the streams by name, findings.
 * progressMonths counts the months whose 月間進捗シート row records an actual (実際の取組状況・成果等).
 */
export function roadmapReport(doc: ParsedRoadmap, encoding: string) {
  return {
    kind: "roadmap" as const,
    encoding,
    fiscalYear: doc.fiscalYear,
    title: doc.title,
    municipalityName: doc.municipalityName,
    indicators: doc.indicators.length,
    streams: doc.streams,
    months: doc.months.length,
    progressMonths: doc.months.filter((m) => m.actual.length > 0).length,
    context: doc.context.length,
    warnings: doc.warnings,
    unparsed: doc.unparsed,
  };
}
export type RoadmapReport = ReturnType<typeof roadmapReport>;
