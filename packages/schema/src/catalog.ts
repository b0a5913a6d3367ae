export * from "./meta/catalog";
