import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import {
  createdAt,
  municipalityId,
  municipalityKey,
  recordTable,
  sameMunicipality,
  timestamps,
  version,
} from "./columns.js";
import { departments, ofMunicipality, users } from "./core.js";
import { agencies } from "./support.js";

/**
 * The 重層的支援体制整備事業 as the municipality runs it (社会福祉法 106-4): the law's categories (法の事業区分, a top
 * category or one of its sub-kinds), the municipality's own numbered projects under them (区該当事業), and the
 * departments and support-side agencies of each project, so counts can be attributed to a project.
 */
export const programmeCategories = recordTable(
  "programme_categories",
  {
    /** the top category a sub-kind belongs to; null for a top category */
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    ofMunicipality(t),
    unique("programme_categories_name_uq").on(t.municipalityId, t.name),
    sameMunicipality(t, t.parentId, t),
  ],
);

export const programmeProjects = recordTable(
  "programme_projects",
  {
    /** the number the plan gives the project (1 … 13) */
    number: integer("number").notNull(),
    name: text("name").notNull(),
    content: text("content").notNull().default(""),
    /** 一体的連携事業: run together with the programme though not one of its funded projects */
    integrated: boolean("integrated").notNull().default(false),
    /**
     * 所管課 the imported document names that link no department (the plan office chose not to register them), as
     * written; an edit of the project's departments settles them
     */
    unlinkedDepartmentNames: jsonb("unlinked_department_names").$type<string[]>().notNull().default([]),
    version: version(),
    updatedBy: uuid("updated_by"),
    ...timestamps(),
  },
  (t) => [
    ofMunicipality(t),
    unique("programme_projects_number_uq").on(t.municipalityId, t.number),
    sameMunicipality(t, t.updatedBy, users),
  ],
);

export const programmeProjectCategories = pgTable(
  "programme_project_categories",
  {
    municipalityId: municipalityId(),
    projectId: uuid("project_id").notNull(),
    categoryId: uuid("category_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    municipalityKey(t, t.projectId, t.categoryId),
    sameMunicipality(t, t.projectId, programmeProjects).onDelete("cascade"),
    sameMunicipality(t, t.categoryId, programmeCategories),
    index("programme_project_categories_category_idx").on(t.municipalityId, t.categoryId),
  ],
);

export const programmeProjectDepartments = pgTable(
  "programme_project_departments",
  {
    municipalityId: municipalityId(),
    projectId: uuid("project_id").notNull(),
    departmentId: uuid("department_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    municipalityKey(t, t.projectId, t.departmentId),
    sameMunicipality(t, t.projectId, programmeProjects).onDelete("cascade"),
    sameMunicipality(t, t.departmentId, departments),
    index("programme_project_departments_department_idx").on(t.municipalityId, t.departmentId),
  ],
);

/** The support-side agencies that carry out a project: their counts are attributed to it. */
export const programmeProjectAgencies = pgTable(
  "programme_project_agencies",
  {
    municipalityId: municipalityId(),
    projectId: uuid("project_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
  },
  (t) => [
    municipalityKey(t, t.projectId, t.agencyId),
    sameMunicipality(t, t.projectId, programmeProjects).onDelete("cascade"),
    sameMunicipality(t, t.agencyId, agencies),
    index("programme_project_agencies_agency_idx").on(t.municipalityId, t.agencyId),
  ],
);
