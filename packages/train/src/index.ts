export * from './train-model.ts';
export * from './training-sources.ts';
export * from './load-examples.ts';
export type { TrainSettings } from './sgd-trainer.ts';
export * from './training-command.ts';
export * from './train-usage.ts';
export * from './reply-models.ts';
