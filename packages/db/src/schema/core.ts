import type { Acknowledgement, Finding, Report, SignOff, VersionChange } from "@gongkai/schema";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A PostgreSQL tsvector (drizzle has no built-in type for it). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

import { users } from "./auth";
import {
  agencyKindEnum,
  agencyLevelEnum,
  agencyStatusEnum,
  qualityEnum,
  regionLevelEnum,
  reportStateEnum,
  roleEnum,
} from "./enums";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** GB/T 2260 administrative divisions. */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    parentCode: text("parent_code").references((): AnyPgColumn => regions.code),
    level: regionLevelEnum("level").notNull(),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode)],
);

export const agencies = pgTable(
  "agencies",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    level: agencyLevelEnum("level").notNull(),
    kind: agencyKindEnum("kind").notNull(),
    parentId: text("parent_id").references((): AnyPgColumn => agencies.id),
    status: agencyStatusEnum("status").notNull().default("active"),
    successorId: text("successor_id").references((): AnyPgColumn => agencies.id),
    endedOn: date("ended_on"),
    /** Counted by the compliance board (false for archives imported for reference). */
    tracked: boolean("tracked").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("agencies_region_idx").on(t.regionCode), index("agencies_name_idx").on(t.name)],
);

/** Renames, mergers, dissolutions: the agency's history as the portal shows it. */
export const agencyEvents = pgTable(
  "agency_events",
  {
    id: serial("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind").notNull().$type<"created" | "renamed" | "merged_into" | "absorbed" | "dissolved">(),
    date: date("date").notNull(),
    fromName: text("from_name"),
    toName: text("to_name"),
    otherAgencyId: text("other_agency_id").references(() => agencies.id),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("agency_events_agency_idx").on(t.agencyId)],
);

/** Who may do what where: editor/approver for an agency, oversight for a region, admin. */
export const memberships = pgTable(
  "memberships",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    agencyId: text("agency_id").references(() => agencies.id),
    regionCode: text("region_code").references(() => regions.code),
    createdAt: createdAt(),
  },
  (t) => [index("memberships_user_idx").on(t.userId), index("memberships_agency_idx").on(t.agencyId)],
);

/** One per agency and year; holds the working draft. Published versions hang under it. */
export const reports = pgTable(
  "reports",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: smallint("year").notNull(),
    edition: smallint("edition").notNull().$type<2019 | 2021>(),
    state: reportStateEnum("state").notNull().default("draft"),
    /** The working draft; null when it is exactly the latest published version. */
    content: json("content").$type<Report>(),
    lockVersion: integer("lock_version").notNull().default(1),
    prefilled: text("prefilled").array().notNull().default(sql`'{}'::text[]`),
    latestVersion: integer("latest_version").notNull().default(0),
    /** First publication: the date that counts for the deadline. */
    publicationDate: date("publication_date"),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    scheduledBy: text("scheduled_by"),
    scheduledAcknowledgements: jsonb("scheduled_acknowledgements").$type<Acknowledgement[]>(),
    correctionReason: text("correction_reason"),
    errors: integer("errors").notNull().default(0),
    warnings: integer("warnings").notNull().default(0),
    createdBy: text("created_by"),
    updatedBy: text("updated_by"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reports_agency_year_uq").on(t.agencyId, t.year),
    index("reports_year_state_idx").on(t.year, t.state),
    index("reports_scheduled_idx").on(t.scheduledAt),
  ],
);

/** Immutable published versions (a trigger refuses UPDATE and DELETE). */
export const reportVersions = pgTable(
  "report_versions",
  {
    id: serial("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    number: integer("number").notNull(),
    // json, not jsonb: documents are stored and read whole, and json skips the binary conversion.
    content: json("content").notNull().$type<Report>(),
    contentHash: text("content_hash").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: text("published_by"),
    signoff: jsonb("signoff").$type<SignOff>(),
    correctionReason: text("correction_reason"),
    changes: jsonb("changes").notNull().$type<VersionChange[]>().default(sql`'[]'::jsonb`),
    quality: qualityEnum("quality").notNull(),
    errors: integer("errors").notNull(),
    warnings: integer("warnings").notNull(),
  },
  (t) => [uniqueIndex("report_versions_report_number_uq").on(t.reportId, t.number)],
);

/** Findings of each published version (for badges, filters and "which rules fail most"). */
export const reportFindings = pgTable(
  "report_findings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => reportVersions.id),
    ruleId: text("rule_id").notNull(),
    severity: text("severity").notNull().$type<"error" | "warning">(),
    finding: json("finding").notNull().$type<Finding>(),
  },
  (t) => [index("report_findings_version_idx").on(t.versionId), index("report_findings_rule_idx").on(t.ruleId)],
);

/**
 * The narrow table every cross-report query reads: one row per metric of the latest published
 * version. Zeros are not stored (absent = 0 for a metric of the report's edition); NULL = the cell
 * was left blank. Region and level are copied in so that filters need no join.
 */
export const reportMetrics = pgTable(
  "report_metrics",
  {
    reportId: text("report_id").notNull(),
    metric: text("metric").notNull(),
    value: numeric("value"),
    versionId: integer("version_id").notNull(),
    agencyId: text("agency_id").notNull(),
    year: smallint("year").notNull(),
    edition: smallint("edition").notNull(),
    regionCode: text("region_code").notNull(),
    prefecture: text("prefecture").notNull(),
    level: agencyLevelEnum("level").notNull(),
  },
  (t) => [
    // Version ids grow, so bulk loads append at the right edge of the primary key.
    primaryKey({ columns: [t.versionId, t.metric] }),
    index("report_metrics_metric_year_idx").on(t.metric, t.year, t.prefecture),
  ],
);

/**
 * Sparse sums per metric × year × prefecture × level × kind × edition over the latest published
 * versions, kept up to date in the publishing transaction (rebuilt after bulk loads). Series and
 * compliance charts read this, so their cost does not grow with the number of reports. Metric
 * "_reports" counts reports (`reports`); other rows hold the sum of stated values and how many
 * reports left the cell blank (`blanks`). A group with only zeros has no row.
 */
export const metricRollups = pgTable(
  "metric_rollups",
  {
    metric: text("metric").notNull(),
    year: smallint("year").notNull(),
    prefecture: text("prefecture").notNull(),
    level: agencyLevelEnum("level").notNull(),
    kind: agencyKindEnum("kind").notNull(),
    edition: smallint("edition").notNull(),
    sum: numeric("sum").notNull().default("0"),
    blanks: integer("blanks").notNull().default(0),
    reports: integer("reports").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.metric, t.year, t.prefecture, t.level, t.kind, t.edition] })],
);

/** Full-text search over agency names and published report text (CJK bigrams, see search.ts). */
export const searchDocuments = pgTable(
  "search_documents",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull().$type<"agency" | "report">(),
    agencyId: text("agency_id").notNull(),
    reportId: text("report_id"),
    year: smallint("year"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tsv: tsvector("tsv").notNull(),
  },
  (t) => [index("search_documents_agency_idx").on(t.agencyId), index("search_documents_tsv_idx").using("gin", t.tsv)],
);

export const cellComments = pgTable(
  "cell_comments",
  {
    id: text("id").primaryKey(),
    /** Insertion order (several comments can share a timestamp). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    cell: text("cell"),
    section: text("section"),
    parentId: text("parent_id").references((): AnyPgColumn => cellComments.id),
    body: text("body").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by"),
  },
  (t) => [index("cell_comments_report_idx").on(t.reportId)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** The region the entity belongs to, so oversight can read its own region's log. */
    regionCode: text("region_code"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

/** Deadline overrides per region (a province may set earlier dates than the national ones). */
export const deadlineRules = pgTable("deadline_rules", {
  regionCode: text("region_code").primaryKey(),
  config: jsonb("config").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
