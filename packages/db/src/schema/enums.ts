import {
  agencyKinds,
  agencyLevels,
  agencyStatuses,
  dataQualities,
  regionLevels,
  reportStatuses,
  roles,
} from "@gongkai/schema";
import { pgEnum } from "drizzle-orm/pg-core";

// Enum columns reuse the tuples of @gongkai/schema, so storage and contract cannot drift.
export const regionLevelEnum = pgEnum("region_level", regionLevels);
export const agencyLevelEnum = pgEnum("agency_level", agencyLevels);
export const agencyKindEnum = pgEnum("agency_kind", agencyKinds);
export const agencyStatusEnum = pgEnum("agency_status", agencyStatuses);
export const reportStateEnum = pgEnum("report_state", reportStatuses);
export const roleEnum = pgEnum("member_role", roles);
export const qualityEnum = pgEnum("data_quality", dataQualities);
