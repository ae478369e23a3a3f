// The drizzle schema object: the one list of tables handed to drizzle() and drizzle-kit.
export * from "./identity";
export * from "./performance";
export * from "./collab";
export * from "./commentaries";
export * from "./meetings";
export * from "./packs";
export * from "./reporting-months";
export * from "./members";
export * from "./plans";
