// `npm run load -- FILE… --clickhouse URL [--database NAME] [--cluster NAME [--shard URL]…]`:
// reads the files with the app's importers and loads them into ClickHouse. A DuckDB database that
// `npm run serve` wrote is loaded as it is, without reading the events again.
import { readDataset } from './readDataset.ts';
import { loadDuckDbIntoClickHouse, loadIntoClickHouse, type LoadResult } from './clickhouseLoad.ts';
import { duckDbDatabaseAmong } from './duckdbSource.ts';
import { ClickHouseError, redactedUrl } from './clickhouseHttp.ts';
import { LOAD_USAGE, parseLoadArgs } from './loadArgs.ts';

const args = parseLoadArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error}\n\n${LOAD_USAGE}`);
  process.exit(2);
}
const database = await duckDbDatabaseAmong(args.files, 'load');
if (database && !database.ok) {
  console.error(database.message);
  process.exit(1);
}
const databasePath = database?.ok ? database.path : null;
const { files } = args;
const options = { url: args.url, database: args.database ?? undefined, cluster: args.cluster, shards: args.shards };
const progress = (loaded: number, total: number) => process.stderr.write(`\rloading: ${loaded} of ${total} events`);
async function load(): Promise<LoadResult> {
  if (databasePath) return loadDuckDbIntoClickHouse(options, databasePath, progress);
  const read = await readDataset(files);
  if (!read.ok) {
    console.error(read.message);
    process.exit(1);
  }
  for (const line of read.lines) console.error(line);
  return loadIntoClickHouse(options, read.dataset, read.reports, progress);
}
try {
  const result = await load();
  process.stderr.write('\n');
  if (result.replaced) console.error(`The earlier load of database ${result.database} was replaced.`);
  console.log(`Loaded ${result.count} events into ClickHouse at ${redactedUrl(args.url)} (database ${result.database})`);
} catch (error) {
  process.stderr.write('\n');
  console.error(error instanceof ClickHouseError ? `${error.message}: ${error.detail}` : (error as Error).message);
  process.exit(1);
}
