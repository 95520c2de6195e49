// Contracts of issue 6 (supervision): filled in by its module.
export {};
