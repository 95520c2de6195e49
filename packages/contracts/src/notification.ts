// Contracts of issue 6 (notification): filled in by its module.
export {};
