import './locale.ts';

export * from './announcement.ts';
export * from './auth.ts';
export * from './cadre.ts';
export * from './common.ts';
export * from './enquiry.ts';
export * from './errors.ts';
export * from './finding.ts';
export * from './inspection.ts';
export * from './leading-group.ts';
export * from './org.ts';
export * from './permissions.ts';
export * from './round.ts';
export * from './statuses.ts';
export * from './task.ts';
export * from './taxonomy.ts';
export * from './team.ts';
export * from './term-plan.ts';
