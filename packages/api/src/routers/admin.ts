import {
  AdminAgencyPageSchema,
  AdminReportPageSchema,
  AgencyCreateInputSchema,
  AgencyDissolveInputSchema,
  AgencyEventSchema,
  AgencyEventsInputSchema,
  AgencyListInputSchema,
  AgencyMergeInputSchema,
  AgencyRenameInputSchema,
  AgencyUpdateInputSchema,
  AuditListInputSchema,
  AuditPageSchema,
  CommentAddInputSchema,
  CommentListInputSchema,
  CommentResolveInputSchema,
  CommentSchema,
  ComplianceAgencySchema,
  ComplianceBoardInputSchema,
  ComplianceCountsSchema,
  ComplianceRowSchema,
  DeadlineRuleClearInputSchema,
  DeadlineRuleInputSchema,
  DeadlineRuleSchema,
  DraftReportSchema,
  FindingSchema,
  ImportAcceptInputSchema,
  ImportPreviewSchema,
  ImportUploadInputSchema,
  MeSchema,
  QualityBoardInputSchema,
  QualityBoardSchema,
  RegionNodeSchema,
  ReportApproveInputSchema,
  ReportCorrectInputSchema,
  ReportCreateInputSchema,
  ReportListMineInputSchema,
  ReportPublishInputSchema,
  ReportRefSchema,
  ReportSaveInputSchema,
  ReportSendBackInputSchema,
  ReportSubmitInputSchema,
  ReportValidateInputSchema,
  UserDeactivateInputSchema,
  UserInviteInputSchema,
  UserListInputSchema,
  UserPageSchema,
  UserSchema,
  UserSetRoleInputSchema,
} from "@gongkai/schema";
import { z } from "zod";
import {
  addComment,
  clearDeadlineRule,
  complianceBoard,
  createAgency,
  dissolveAgency,
  inviteUser,
  listAudit,
  listComments,
  listDeadlineRules,
  listMyReports,
  listUsers,
  me,
  mergeAgency,
  qualityBoard,
  renameAgency,
  resolveComment,
  setDeadlineRule,
  setUserActive,
  setUserRoles,
  updateAgency,
} from "../services/admin";
import { consoleAgencyEvents, listConsoleAgencies } from "../services/console-agencies";
import {
  approveReport,
  correctReport,
  createReport,
  getDraft,
  publishReport,
  saveDraft,
  sendBackReport,
  submitReport,
  validateDraft,
} from "../services/drafts";
import { regionTree } from "../services/portal";
import { acceptImport, previewImport } from "../services/report-imports";
import { loadAgency } from "../services/shared";
import { authedProcedure, router } from "../trpc";

const AgencyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  level: z.string(),
  kind: z.string(),
  status: z.string(),
  endedOn: z.string().nullable(),
  tracked: z.boolean(),
});

/** Signed in only; every service checks roles and scope itself. */
export const adminRouter = router({
  me: authedProcedure.output(MeSchema).query(({ ctx }) => me({ ctx })),
  reports: router({
    list: authedProcedure
      .input(ReportListMineInputSchema)
      .output(AdminReportPageSchema)
      .query(({ ctx, input }) => listMyReports({ ctx, input })),
    create: authedProcedure
      .input(ReportCreateInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => createReport({ ctx, input })),
    get: authedProcedure
      .input(ReportRefSchema)
      .output(DraftReportSchema)
      .query(({ ctx, input }) => getDraft({ ctx, input })),
    save: authedProcedure
      .input(ReportSaveInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => saveDraft({ ctx, input })),
    validate: authedProcedure
      .input(ReportValidateInputSchema)
      .output(z.array(FindingSchema))
      .query(({ ctx, input }) => validateDraft({ ctx, input })),
    submit: authedProcedure
      .input(ReportSubmitInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => submitReport({ ctx, input })),
    approve: authedProcedure
      .input(ReportApproveInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => approveReport({ ctx, input })),
    sendBack: authedProcedure
      .input(ReportSendBackInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => sendBackReport({ ctx, input })),
    publish: authedProcedure
      .input(ReportPublishInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => publishReport({ ctx, input })),
    correct: authedProcedure
      .input(ReportCorrectInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => correctReport({ ctx, input })),
  }),
  /** Import a published report (HTML, DOCX, text): preview is a dry run; accept creates the draft. */
  imports: router({
    preview: authedProcedure
      .input(ImportUploadInputSchema)
      .output(ImportPreviewSchema)
      .mutation(({ ctx, input }) => previewImport({ ctx, input })),
    accept: authedProcedure
      .input(ImportAcceptInputSchema)
      .output(DraftReportSchema)
      .mutation(({ ctx, input }) => acceptImport({ ctx, input })),
  }),
  comments: router({
    add: authedProcedure
      .input(CommentAddInputSchema)
      .output(CommentSchema)
      .mutation(({ ctx, input }) => addComment({ ctx, input })),
    list: authedProcedure
      .input(CommentListInputSchema)
      .output(z.array(CommentSchema))
      .query(({ ctx, input }) => listComments({ ctx, input })),
    resolve: authedProcedure
      .input(CommentResolveInputSchema)
      .output(CommentSchema)
      .mutation(({ ctx, input }) => resolveComment({ ctx, input })),
  }),
  agencies: router({
    create: authedProcedure
      .input(AgencyCreateInputSchema)
      .output(AgencyInfoSchema)
      .mutation(({ ctx, input }) => createAgency({ ctx, input })),
    update: authedProcedure
      .input(AgencyUpdateInputSchema)
      .output(AgencyInfoSchema)
      .mutation(({ ctx, input }) => updateAgency({ ctx, input })),
    rename: authedProcedure
      .input(AgencyRenameInputSchema)
      .output(AgencyInfoSchema)
      .mutation(({ ctx, input }) => renameAgency({ ctx, input })),
    merge: authedProcedure
      .input(AgencyMergeInputSchema)
      .output(AgencyInfoSchema)
      .mutation(({ ctx, input }) => mergeAgency({ ctx, input })),
    dissolve: authedProcedure
      .input(AgencyDissolveInputSchema)
      .output(AgencyInfoSchema)
      .mutation(({ ctx, input }) => dissolveAgency({ ctx, input })),
    get: authedProcedure
      .input(z.object({ id: z.string() }))
      .output(AgencyInfoSchema)
      .query(({ ctx, input }) => loadAgency(ctx.deps.db.db, input.id)),
    list: authedProcedure
      .input(AgencyListInputSchema)
      .output(AdminAgencyPageSchema)
      .query(({ ctx, input }) => listConsoleAgencies({ ctx, input })),
    events: authedProcedure
      .input(AgencyEventsInputSchema)
      .output(z.array(AgencyEventSchema))
      .query(({ ctx, input }) => consoleAgencyEvents({ ctx, input })),
  }),
  /** The administrative divisions (public data) for the console's region pickers. */
  regions: router({
    tree: authedProcedure.output(z.array(RegionNodeSchema)).query(({ ctx }) => regionTree({ ctx })),
  }),
  users: router({
    list: authedProcedure
      .input(UserListInputSchema)
      .output(UserPageSchema)
      .query(({ ctx, input }) => listUsers({ ctx, input })),
    invite: authedProcedure
      .input(UserInviteInputSchema)
      .output(UserSchema)
      .mutation(({ ctx, input }) => inviteUser({ ctx, input })),
    setRoles: authedProcedure
      .input(UserSetRoleInputSchema)
      .output(UserSchema)
      .mutation(({ ctx, input }) => setUserRoles({ ctx, input })),
    setActive: authedProcedure
      .input(UserDeactivateInputSchema)
      .output(UserSchema)
      .mutation(({ ctx, input }) => setUserActive({ ctx, input })),
  }),
  audit: router({
    list: authedProcedure
      .input(AuditListInputSchema)
      .output(AuditPageSchema)
      .query(({ ctx, input }) => listAudit({ ctx, input })),
  }),
  deadlines: router({
    list: authedProcedure.output(z.array(DeadlineRuleSchema)).query(({ ctx }) => listDeadlineRules({ ctx })),
    set: authedProcedure
      .input(DeadlineRuleInputSchema)
      .output(DeadlineRuleSchema)
      .mutation(({ ctx, input }) => setDeadlineRule({ ctx, input })),
    clear: authedProcedure
      .input(DeadlineRuleClearInputSchema)
      .output(z.object({ regionCode: z.string() }))
      .mutation(({ ctx, input }) => clearDeadlineRule({ ctx, input })),
  }),
  compliance: router({
    board: authedProcedure
      .input(ComplianceBoardInputSchema)
      .output(
        z.object({
          year: z.number(),
          asOf: z.string(),
          regionPrefix: z.string().nullable(),
          totals: ComplianceCountsSchema,
          regions: z.array(ComplianceRowSchema),
          agencies: z.array(ComplianceAgencySchema),
        }),
      )
      .query(({ ctx, input }) => complianceBoard({ ctx, input })),
  }),
  quality: router({
    board: authedProcedure
      .input(QualityBoardInputSchema)
      .output(QualityBoardSchema)
      .query(({ ctx, input }) => qualityBoard({ ctx, input })),
  }),
});
export type AdminRouter = typeof adminRouter;
