/** Classification and regression metrics shared by `attune eval` and training. Pure: counts in, numbers out. */
export * from './class-scores.ts';
export * from './single-label-metrics.ts';
export * from './multi-label-metrics.ts';
export * from './regression-metrics.ts';
export * from './classification-report.ts';
