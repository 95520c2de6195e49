// Contracts of issue 6 (accountability): filled in by its module.
export {};
