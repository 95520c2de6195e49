// Contracts of issue 6 (revisit): filled in by its module.
export {};
