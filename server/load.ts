// `npm run load -- FILE… --clickhouse URL [--database NAME] [--cluster NAME [--shard URL]…]`:
// reads the files with the app's importers and loads them into ClickHouse.
import { readDataset } from './readDataset.ts';
import { loadIntoClickHouse } from './clickhouseLoad.ts';
import { ClickHouseError, redactedUrl } from './clickhouseHttp.ts';
import { LOAD_USAGE, parseLoadArgs } from './loadArgs.ts';

const args = parseLoadArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error}\n\n${LOAD_USAGE}`);
  process.exit(2);
}
const read = await readDataset(args.files);
if (!read.ok) {
  console.error(read.message);
  process.exit(1);
}
for (const line of read.lines) console.error(line);
try {
  const result = await loadIntoClickHouse(
    { url: args.url, database: args.database ?? undefined, cluster: args.cluster, shards: args.shards },
    read.dataset,
    read.reports,
    (loaded, total) => process.stderr.write(`\rloading: ${loaded} of ${total} events`),
  );
  process.stderr.write('\n');
  if (result.replaced) console.error(`The earlier load of database ${result.database} was replaced.`);
  console.log(`Loaded ${result.count} events into ClickHouse at ${redactedUrl(args.url)} (database ${result.database})`);
} catch (error) {
  process.stderr.write('\n');
  console.error(error instanceof ClickHouseError ? `${error.message}: ${error.detail}` : (error as Error).message);
  process.exit(1);
}
