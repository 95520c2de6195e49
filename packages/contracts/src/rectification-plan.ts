// Contracts of issue 6 (rectification-plan): filled in by its module.
export {};
