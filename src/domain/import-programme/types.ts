/**
 * What the programme (重層的支援体制整備事業) parser returns: the law's categories, the municipality's own numbered
 * projects under them, and their departments, read from a 実施計画 of the 重層事業 kind. Pure data; the import
 * service turns it into registry rows.
 */
import type { UnparsedLine } from "../import-evaluation/types";

export type { UnparsedLine };

export type ProgrammeWarningKind =
  | "no_content" // a numbered project the content tables never describe
  | "unknown_project" // a content row or 一体的連携事業 row naming a project the registry table does not list
  | "duplicate_project" // the same project number twice in the registry table
  | "no_category"; // a registry row before any 法対象事業 is named

export interface ProgrammeWarning {
  kind: ProgrammeWarningKind;
  line: number;
  /** Japanese */
  message: string;
}

/** A 法の事業区分: a top category (parent null) or one of its sub-kinds. */
export interface ProgrammeCategory {
  name: string;
  parent: string | null;
  line: number;
}

export interface ProgrammeProject {
  /** the number the document gives the project (1 … 13 in the 令和6年度 plan) */
  number: number;
  /** the 区該当事業 cell as written */
  name: string;
  /** the leaf categories it falls under (a sub-kind when one is given, else the top category) */
  categories: string[];
  /** 所管課 as written, each name once */
  departments: string[];
  /** 内容 from the content tables; several works of one project each on their own line, named */
  content: string;
  /** listed under 一体的連携事業 (run together with the programme though funded apart) */
  integrated: boolean;
  line: number;
}

export interface ParsedProgramme {
  kind: "programme";
  categories: ProgrammeCategory[];
  projects: ProgrammeProject[];
  warnings: ProgrammeWarning[];
  unparsed: UnparsedLine[];
}
