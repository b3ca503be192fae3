/** Ingest with analysis on arrival: the engine reads a customer message before its transaction commits. */
import type { Analyzer, MessageAnalysis } from '@attune/engine';
import type { Db } from '../db/database.ts';
import type { ServerCaches } from '../http/server-caches.ts';
import type { Result } from '../domain/result.ts';
import { ingestMessage, type IngestedMessage, type IngestMessageInput } from '../store/ingest-repository.ts';

export interface IngestService {
  ingest(input: IngestMessageInput, options?: { readonly lang?: string }): Promise<Result<IngestedMessage>>;
}

export function createIngestService(deps: {
  readonly db: Db;
  readonly analyzer: Analyzer;
  readonly origin: string;
  readonly caches?: Pick<ServerCaches, 'inbox'>;
}): IngestService {
  return {
    async ingest(input, options = {}) {
      // Only customer words carry the emotion the agent must respond to; agent replies are judged by the coach.
      const analysis: MessageAnalysis | null =
        input.message.role === 'customer'
          ? deps.analyzer.analyzeMessage(input.message.text, options.lang === undefined ? {} : { lang: options.lang })
          : null;
      const inbox = await deps.caches?.inbox(input.inboxId);
      return ingestMessage(deps.db, deps.origin, input, analysis, inbox);
    },
  };
}
