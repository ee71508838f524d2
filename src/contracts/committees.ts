import type { z } from "zod";
import type { getItemOpinions } from "../server/modules/committees/item-opinions.js";
import type { listCommittees } from "../server/modules/committees/manage.js";
import type { presentOpinion } from "../server/modules/committees/presenter.js";
import type { getCommitteeYear } from "../server/modules/committees/review.js";
import type { answerSchema, committeeSchema, newOpinionSchema } from "../server/modules/committees/schema.js";
import type { JsonOf } from "./json.js";

export type Committee = JsonOf<typeof listCommittees>[number];
export type CommitteeReview = JsonOf<typeof getCommitteeYear>;
export type Opinion = JsonOf<typeof presentOpinion>;
/** GET /api/plans/:planId/items/:itemId/opinions: the item's submitted opinions of every closed year, by committee */
export type ItemOpinions = JsonOf<typeof getItemOpinions>;
export type CommitteeInput = z.input<typeof committeeSchema>;
export type NewOpinionInput = z.input<typeof newOpinionSchema>;
export type AnswerInput = z.input<typeof answerSchema>;
