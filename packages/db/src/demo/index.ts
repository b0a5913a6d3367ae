export * from "./agencies";
export * from "./regions";
export * from "./reports";
