// issue 9 — filled in by its part (see the module of the same name).
export {};
