export { type AuthConfig, type AuthPort, createAuth } from "./auth";
export { type Context, createContext, type Deps, type Viewer } from "./context";
export { DomainError } from "./errors";
export { type AdminRouter, adminRouter } from "./routers/admin";
export { type PortalRouter, portalRouter } from "./routers/portal";
export { tsquerySource, tsvectorFor, tsvectorSource } from "./search-tokens";
export { loadViewer } from "./services/admin";
export { runScheduledPublications } from "./services/drafts";
export { type BulkReport, bulkLoadReports, importPublishedReport, indexAgencies } from "./services/imports";
export * as publishing from "./services/publishing";
export {
  acceptImport,
  asAgency,
  createDraftFromImport,
  decodeUpload,
  existingReport,
  loadAgency,
  matchAgency,
  previewImport,
} from "./services/report-imports";
export { Deadlines } from "./services/shared";
export { createCallerFactory } from "./trpc";
