import { z } from "zod";
import { AgencyIdSchema, RegionCodeSchema } from "../agency";
import { DeadlineConfigSchema } from "../deadlines";
import { EditionSchema } from "../edition";
import { ReportSchema, ReportStatusSchema } from "../report";
import { FindingSchema } from "../rules/finding";
import { SectionKeySchema } from "../sections";
import {
  CommentIdSchema,
  IsoDateTimeSchema,
  PageInputSchema,
  pageOf,
  ReportIdSchema,
  UserIdSchema,
  YearSchema,
} from "./common";
import { RegionPrefixSchema } from "./regions";
import { AcknowledgementSchema, ReportAgencySchema, VersionInfoSchema } from "./reports";

export const roles = ["editor", "approver", "oversight", "admin"] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/** editor/approver act for an agency; oversight watches a region; admin runs the platform. */
export const MembershipSchema = z.object({
  role: RoleSchema,
  agencyId: AgencyIdSchema.nullable(),
  agencyName: z.string().nullable(),
  regionCode: RegionCodeSchema.nullable(),
  regionName: z.string().nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({
  id: UserIdSchema,
  name: z.string(),
  email: z.email(),
  memberships: z.array(MembershipSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const ReportCreateInputSchema = z.object({ agencyId: AgencyIdSchema, year: YearSchema });
export const ReportRefSchema = z.object({ id: ReportIdSchema });

/** A report as the console edits it: the draft, its lock version and everything around it. */
export const DraftReportSchema = z.object({
  id: ReportIdSchema,
  agency: ReportAgencySchema,
  year: YearSchema,
  edition: EditionSchema,
  state: ReportStatusSchema,
  lockVersion: z.number().int().min(1),
  content: ReportSchema,
  findings: z.array(FindingSchema),
  /** Cells filled automatically (上年结转 from last year's 结转下年度继续办理). */
  prefilled: z.array(z.string()),
  latestVersion: z.number().int().min(0),
  versions: z.array(VersionInfoSchema),
  scheduledAt: IsoDateTimeSchema.nullable(),
  correctionReason: z.string().nullable(),
  openComments: z.number().int().min(0),
  deadline: z.iso.date(),
  updatedAt: IsoDateTimeSchema,
  /**
   * What the rules read besides the report (last year's published report, the region's
   * deadlines): the console runs the same validateReport as the server on every keystroke.
   */
  ruleInputs: z.object({ previous: ReportSchema.nullable(), deadlines: DeadlineConfigSchema.nullable() }),
});
export type DraftReport = z.infer<typeof DraftReportSchema>;

export const ReportSaveInputSchema = z.object({
  id: ReportIdSchema,
  lockVersion: z.number().int().min(1),
  content: ReportSchema,
});
export type ReportSaveInput = z.input<typeof ReportSaveInputSchema>;

export const ReportValidateInputSchema = z.object({ id: ReportIdSchema, content: ReportSchema.optional() });

export const ReportSubmitInputSchema = z.object({
  id: ReportIdSchema,
  lockVersion: z.number().int().min(1),
  acknowledgements: z.array(AcknowledgementSchema).default([]),
});
export const ReportApproveInputSchema = z.object({ id: ReportIdSchema, lockVersion: z.number().int().min(1) });

export const CellCommentTargetSchema = z.union([
  z.object({ cell: z.string().min(3).max(80) }),
  z.object({ section: SectionKeySchema }),
]);

export const ReportSendBackInputSchema = z.object({
  id: ReportIdSchema,
  lockVersion: z.number().int().min(1),
  message: z.string().trim().min(2, { error: "say what must change / 请说明需要修改的内容" }).max(2000),
  comments: z
    .array(
      z.object({
        cell: z.string().min(3).max(80).nullable(),
        section: SectionKeySchema.nullable(),
        body: z.string().trim().min(1).max(2000),
      }),
    )
    .default([]),
});

export const ReportPublishInputSchema = z.object({
  id: ReportIdSchema,
  lockVersion: z.number().int().min(1),
  acknowledgements: z.array(AcknowledgementSchema).default([]),
  /** Publish later instead of now. */
  at: IsoDateTimeSchema.optional(),
});
export type ReportPublishInput = z.input<typeof ReportPublishInputSchema>;

export const ReportCorrectInputSchema = z.object({
  id: ReportIdSchema,
  reason: z
    .string()
    .trim()
    .min(5, { error: "a correction needs a reason (at least 5 characters) / 更正须说明理由（至少5个字）" })
    .max(2000),
});

export const ReportListMineInputSchema = PageInputSchema.extend({
  year: YearSchema.optional(),
  state: ReportStatusSchema.optional(),
  agencyId: AgencyIdSchema.optional(),
  regionPrefix: RegionPrefixSchema.optional(),
});

export const AdminReportSummarySchema = z.object({
  id: ReportIdSchema,
  agency: ReportAgencySchema,
  year: YearSchema,
  edition: EditionSchema,
  state: ReportStatusSchema,
  latestVersion: z.number().int().min(0),
  deadline: z.iso.date(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  openComments: z.number().int().min(0),
  updatedAt: IsoDateTimeSchema,
  scheduledAt: IsoDateTimeSchema.nullable(),
});
export const AdminReportPageSchema = pageOf(AdminReportSummarySchema);

export const CommentSchema = z.object({
  id: CommentIdSchema,
  reportId: ReportIdSchema,
  cell: z.string().nullable(),
  section: SectionKeySchema.nullable(),
  parentId: CommentIdSchema.nullable(),
  body: z.string(),
  authorId: UserIdSchema,
  authorName: z.string(),
  createdAt: IsoDateTimeSchema,
  resolvedAt: IsoDateTimeSchema.nullable(),
  resolvedBy: z.string().nullable(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const CommentAddInputSchema = z.object({
  reportId: ReportIdSchema,
  cell: z.string().min(3).max(80).nullable().default(null),
  section: SectionKeySchema.nullable().default(null),
  parentId: CommentIdSchema.nullable().default(null),
  body: z.string().trim().min(1, { error: "a comment cannot be empty / 评论不能为空" }).max(2000),
});
export const CommentListInputSchema = z.object({
  reportId: ReportIdSchema,
  includeResolved: z.boolean().default(true),
});
export const CommentResolveInputSchema = z.object({ id: CommentIdSchema });

export const UserSchema = z.object({
  id: UserIdSchema,
  name: z.string(),
  email: z.email(),
  active: z.boolean(),
  memberships: z.array(MembershipSchema),
  createdAt: IsoDateTimeSchema,
});
export type User = z.infer<typeof UserSchema>;
export const UserPageSchema = pageOf(UserSchema);

const MembershipInputSchema = z
  .object({
    role: RoleSchema,
    agencyId: AgencyIdSchema.nullable().default(null),
    regionCode: RegionCodeSchema.nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if ((m.role === "editor" || m.role === "approver") && !m.agencyId) {
      ctx.addIssue({
        code: "custom",
        path: ["agencyId"],
        message: "editors and approvers belong to an agency / 编辑和审核人须属于一个机关",
      });
    }
    if (m.role === "oversight" && !m.regionCode) {
      ctx.addIssue({ code: "custom", path: ["regionCode"], message: "oversight covers a region / 监督人员须指定地区" });
    }
  });

export const UserInviteInputSchema = z.object({
  email: z.email({ error: "must be an e-mail address / 应为电子邮箱" }),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, { error: "at least 10 characters / 至少10个字符" }).max(128),
  membership: MembershipInputSchema,
});
export type UserInviteInput = z.input<typeof UserInviteInputSchema>;
export const UserSetRoleInputSchema = z.object({
  userId: UserIdSchema,
  memberships: z.array(MembershipInputSchema).min(1).max(20),
});
export const UserDeactivateInputSchema = z.object({ userId: UserIdSchema, active: z.boolean().default(false) });
export const UserListInputSchema = PageInputSchema.extend({ query: z.string().trim().max(100).optional() });

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: IsoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListInputSchema = PageInputSchema.extend({
  actorId: z.string().optional(),
  action: z.string().max(60).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
});
export const AuditPageSchema = pageOf(AuditEntrySchema);

export const ComplianceBoardInputSchema = z.object({
  year: YearSchema,
  regionPrefix: RegionPrefixSchema.optional(),
});

export const DeadlineRuleSchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  regionName: z.string().nullable(),
  config: DeadlineConfigSchema,
  updatedAt: IsoDateTimeSchema,
});
export const DeadlineRuleInputSchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/, { error: "must be a six-digit region code / 应为6位行政区划代码" }),
  config: DeadlineConfigSchema,
});
export const DeadlineRuleClearInputSchema = z.object({ regionCode: z.string().regex(/^\d{6}$/) });

export const QualityBoardInputSchema = z.object({
  year: YearSchema,
  regionPrefix: RegionPrefixSchema.optional(),
});
/** A report in the viewer's scope whose numbers do not add up (errors) or need a look (warnings). */
export const QualityReportSchema = z.object({
  id: ReportIdSchema,
  agency: ReportAgencySchema,
  year: YearSchema,
  state: ReportStatusSchema,
  latestVersion: z.number().int().min(0),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /** Rules that fail in it, most severe first. */
  rules: z.array(z.string()),
});
export const QualityBoardSchema = z.object({
  year: YearSchema,
  regionPrefix: z.string().nullable(),
  /** Reports checked: published, or submitted for review. */
  reports: z.number().int().min(0),
  withErrors: z.number().int().min(0),
  withWarnings: z.number().int().min(0),
  /** Which rules fail most: reports failing each rule, with its severity. */
  rules: z.array(
    z.object({ ruleId: z.string(), severity: z.enum(["error", "warning"]), reports: z.number().int().min(0) }),
  ),
  /** The reports with findings, errors first (at most 200). */
  items: z.array(QualityReportSchema),
});
export type QualityBoard = z.infer<typeof QualityBoardSchema>;
