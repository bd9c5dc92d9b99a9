// Builds data/budget.sqlite once before the suite when it is missing or older than data/raw.
import { ensureDatabase } from '../src/ingest/ensure.ts';

export default async function setup(): Promise<void> {
  await ensureDatabase();
}
