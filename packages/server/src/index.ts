/**
 * @attune/server — ingest, storage, live assist over WebSocket, the HTTP API, webhooks and the Chatwoot sidecar.
 *
 * @example
 * ```ts
 * import { startServer } from '@attune/server';
 * const server = await startServer({ database: { kind: 'embedded', dataDir: './attune-data' }, analyzer, port: 3000 });
 * ```
 */
export { startServer, createServerContext, type ServerOptions, type RunningServer } from './start-server.ts';
export { openDatabase, type Database, type DatabaseConfig } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export type { ConversationIntelligence, AssistSnapshot, TranscriptTurn } from './services/conversation-intelligence.ts';
export { engineIntelligence } from './services/engine-intelligence.ts';
export { conversationStatuses, type ConversationStatus } from './domain/conversation-status.ts';
export { roles, scopes, type Role, type Scope } from './domain/roles.ts';
