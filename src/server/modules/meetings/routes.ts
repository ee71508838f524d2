import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { caseParams } from "../cases/schema.js";
import { addDecision, addSubject, removeSubject } from "./agenda.js";
import { caseMeetings, recordSupportDecision } from "./case-meetings.js";
import { addMember, memberCandidates, recordPledge, removeMember } from "./roster.js";
import {
  addDecisionSchema,
  addMemberSchema,
  addSubjectSchema,
  createDistrictSchema,
  createMeetingKindSchema,
  createMeetingSchema,
  districtParams,
  kindParams,
  listMeetingsQuery,
  meetingParams,
  memberParams,
  pledgeSchema,
  saveMinutesSchema,
  subjectParams,
  supportDecisionSchema,
  updateDistrictSchema,
  updateMeetingKindSchema,
  updateMeetingSchema,
} from "./schema.js";
import * as service from "./service.js";
import * as settings from "./settings.js";

/** 支援会議 / 重層的支援会議: the municipality's kinds and 地区, meetings with roster, agenda, decisions and minutes. */
export function meetingRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "meetings");

  route("GET /api/meeting-kinds", {}, async ({ actor }) => settings.listKinds(db, actor));
  route(
    "POST /api/meeting-kinds",
    { body: createMeetingKindSchema, status: 201, etag: "kind" },
    async ({ actor, body }) => ({
      kind: await settings.createKind(db, actor, body),
    }),
  );
  route(
    "PATCH /api/meeting-kinds/:kindId",
    { params: kindParams, body: updateMeetingKindSchema, ifMatch: "required", etag: "kind" },
    async ({ actor, params, body, version }) => ({
      kind: await settings.updateKind(db, actor, params.kindId, version, body),
    }),
  );

  route("GET /api/districts", {}, async ({ actor }) => settings.listDistricts(db, actor));
  route(
    "POST /api/districts",
    { body: createDistrictSchema, status: 201, etag: "district" },
    async ({ actor, body }) => ({
      district: await settings.createDistrict(db, actor, body),
    }),
  );
  route(
    "PATCH /api/districts/:districtId",
    { params: districtParams, body: updateDistrictSchema, ifMatch: "required", etag: "district" },
    async ({ actor, params, body, version }) => ({
      district: await settings.updateDistrict(db, actor, params.districtId, version, body),
    }),
  );

  route("GET /api/meetings", { query: listMeetingsQuery }, async ({ actor, query }) =>
    service.listMeetings(db, actor, query),
  );
  route("POST /api/meetings", { body: createMeetingSchema, status: 201, etag: "meeting" }, async ({ actor, body }) => ({
    meeting: await service.createMeeting(db, actor, body),
  }));
  route("GET /api/meetings/:meetingId", { params: meetingParams, etag: "meeting" }, async ({ actor, params }) => ({
    meeting: await service.getMeeting(db, actor, params.meetingId),
  }));
  route(
    "PATCH /api/meetings/:meetingId",
    { params: meetingParams, body: updateMeetingSchema, ifMatch: "required", etag: "meeting" },
    async ({ actor, params, body, version }) => ({
      meeting: await service.updateMeeting(db, actor, params.meetingId, version, body),
    }),
  );
  route(
    "PUT /api/meetings/:meetingId/minutes",
    { params: meetingParams, body: saveMinutesSchema, ifMatch: "required", etag: "meeting" },
    async ({ actor, params, body, version }) => ({
      meeting: await service.saveMinutes(db, actor, params.meetingId, version, body),
    }),
  );
  route("GET /api/meetings/:meetingId/candidates", { params: meetingParams }, async ({ actor, params }) =>
    memberCandidates(db, actor, params.meetingId),
  );
  route(
    "POST /api/meetings/:meetingId/members",
    { params: meetingParams, body: addMemberSchema, status: 201, etag: "meeting" },
    async ({ actor, params, body }) => ({ meeting: await addMember(db, actor, params.meetingId, body) }),
  );
  route(
    "DELETE /api/meetings/:meetingId/members/:memberId",
    { params: memberParams, etag: "meeting" },
    async ({ actor, params }) => ({ meeting: await removeMember(db, actor, params.meetingId, params.memberId) }),
  );
  route(
    "POST /api/meetings/:meetingId/members/:memberId/pledge",
    { params: memberParams, body: pledgeSchema, etag: "meeting" },
    async ({ actor, params, body }) => ({
      meeting: await recordPledge(db, actor, params.meetingId, params.memberId, body),
    }),
  );
  route(
    "POST /api/meetings/:meetingId/subjects",
    { params: meetingParams, body: addSubjectSchema, status: 201, etag: "meeting" },
    async ({ actor, params, body }) => ({ meeting: await addSubject(db, actor, params.meetingId, body) }),
  );
  route(
    "DELETE /api/meetings/:meetingId/subjects/:subjectId",
    { params: subjectParams, etag: "meeting" },
    async ({ actor, params }) => ({ meeting: await removeSubject(db, actor, params.meetingId, params.subjectId) }),
  );
  route(
    "POST /api/meetings/:meetingId/decisions",
    { params: meetingParams, body: addDecisionSchema, status: 201, etag: "meeting" },
    async ({ actor, params, body }) => ({ meeting: await addDecision(db, actor, params.meetingId, body) }),
  );

  route("GET /api/cases/:caseId/meetings", { params: caseParams }, async ({ actor, params }) =>
    caseMeetings(db, actor, params.caseId),
  );
  route(
    "POST /api/cases/:caseId/support-decision",
    { params: caseParams, body: supportDecisionSchema, status: 201 },
    async ({ actor, params, body }) => recordSupportDecision(db, actor, params.caseId, body),
  );
}
