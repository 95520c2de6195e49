// Contracts of issue 6 (rectification): filled in by its module.
export {};
