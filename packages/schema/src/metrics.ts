import { z } from "zod";
import { metricUnits } from "./meta/metrics";

export * from "./meta/metrics";

export const MetricUnitSchema = z.enum(metricUnits);
