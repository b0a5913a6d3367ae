import {
  AgencyListInputSchema,
  AgencyPageSchema,
  AgencySchema,
  ComplianceInputSchema,
  ComplianceSummarySchema,
  MetricCompareInputSchema,
  MetricCompareSchema,
  MetricInfoSchema,
  MetricSeriesInputSchema,
  MetricSeriesSchema,
  PortalReportGetInputSchema,
  PortalReportListInputSchema,
  PublishedReportSchema,
  RegionNodeSchema,
  ReportPageSchema,
  SearchInputSchema,
  SearchResultSchema,
} from "@gongkai/schema";
import { z } from "zod";
import { complianceSummary } from "../services/compliance";
import { metricCompare, metricSeries, metricsCatalog } from "../services/metrics";
import { agencyById, getPublishedReport, listAgencies, listReports, regionTree } from "../services/portal";
import { search } from "../services/search";
import { publicProcedure, router } from "../trpc";

/** Anonymous and read-only: published data only. */
export const portalRouter = router({
  regions: router({
    tree: publicProcedure.output(z.array(RegionNodeSchema)).query(({ ctx }) => regionTree({ ctx })),
  }),
  agencies: router({
    list: publicProcedure
      .input(AgencyListInputSchema)
      .output(AgencyPageSchema)
      .query(({ ctx, input }) => listAgencies({ ctx, input })),
    byId: publicProcedure
      .input(z.object({ id: z.string() }))
      .output(AgencySchema)
      .query(({ ctx, input }) => agencyById({ ctx, input })),
  }),
  reports: router({
    list: publicProcedure
      .input(PortalReportListInputSchema)
      .output(ReportPageSchema)
      .query(({ ctx, input }) => listReports({ ctx, input })),
    get: publicProcedure
      .input(PortalReportGetInputSchema)
      .output(PublishedReportSchema)
      .query(({ ctx, input }) => getPublishedReport({ ctx, input })),
  }),
  metrics: router({
    catalog: publicProcedure.output(z.array(MetricInfoSchema)).query(() => metricsCatalog()),
    series: publicProcedure
      .input(MetricSeriesInputSchema)
      .output(MetricSeriesSchema)
      .query(({ ctx, input }) => metricSeries({ ctx, input })),
    compare: publicProcedure
      .input(MetricCompareInputSchema)
      .output(MetricCompareSchema)
      .query(({ ctx, input }) => metricCompare({ ctx, input })),
  }),
  compliance: router({
    summary: publicProcedure
      .input(ComplianceInputSchema)
      .output(ComplianceSummarySchema)
      .query(({ ctx, input }) => complianceSummary({ ctx, input })),
  }),
  search: publicProcedure
    .input(SearchInputSchema)
    .output(SearchResultSchema)
    .query(({ ctx, input }) => search({ ctx, input })),
});
export type PortalRouter = typeof portalRouter;
