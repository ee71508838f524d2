import type { z } from "zod";
import type { MidYearSheetDto, presentMidYearListRow } from "../server/modules/mid-year/presenter.js";
import type { getMidYearReport } from "../server/modules/mid-year/report.js";
import type { listMidYearRounds } from "../server/modules/mid-year/rounds.js";
import type { midYearFieldsSchema, returnMidYearSchema } from "../server/modules/mid-year/schema.js";
import type { Jsonify, JsonOf } from "./json.js";

// The mid-year report (中間報告): rounds, progress sheets, the report
export type MidYearRound = JsonOf<typeof listMidYearRounds>[number];
export type MidYearListRow = Jsonify<ReturnType<typeof presentMidYearListRow>>;
export type MidYearSheet = Jsonify<MidYearSheetDto>;
export type MidYearFieldsInput = z.input<typeof midYearFieldsSchema>;
export type ReturnMidYearInput = z.input<typeof returnMidYearSchema>;
/** GET /api/plans/:planId/mid-year/:fiscalYear/report */
export type MidYearReport = JsonOf<typeof getMidYearReport>;
