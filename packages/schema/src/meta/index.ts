// The zod-free part of @gongkai/schema: labels, layouts, the cell and metric catalogues, deadlines,
// exact decimals. Front ends import this to stay small; the zod schemas are in the main entry.
export * from "../decimal";
export * from "./agency";
export * from "./catalog";
export * from "./cells";
export * from "./deadlines";
export * from "./edition";
export * from "./metrics";
export * from "./regions";
export * from "./rules";
export * from "./sections";
export * from "./t2";
export * from "./t3";
export * from "./t4";
export * from "./text";
