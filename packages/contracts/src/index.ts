import './locale.ts';

export * from './auth.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './finding.ts';
export * from './inspection.ts';
export * from './org.ts';
export * from './permissions.ts';
export * from './round.ts';
export * from './statuses.ts';
export * from './task.ts';
export * from './taxonomy.ts';
