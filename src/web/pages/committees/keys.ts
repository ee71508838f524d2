/** The queries of the committee pages, so that a write refetches exactly what it changed. */
export const committeeKeys = {
  list: (planId: string) => ["committees", planId] as const,
  year: (committeeId: string, fiscalYear: number) => ["committee-year", committeeId, fiscalYear] as const,
};
