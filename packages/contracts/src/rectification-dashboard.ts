// Contracts of issue 6 (rectification-dashboard): filled in by its module.
export {};
