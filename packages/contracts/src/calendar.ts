// Contracts of issue 6 (calendar): filled in by its module.
export {};
