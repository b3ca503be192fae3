export type { Catalog, MessageKey, MessageParams } from './catalog.ts';
export { CATALOGS, catalogFor, renderMessage } from './render-message.ts';
