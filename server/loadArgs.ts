// The arguments of `npm run load`, parsed without side effects.

export const LOAD_USAGE = `usage: npm run load -- FILE… --clickhouse URL [--database NAME] [--cluster NAME [--shard URL]…]

  FILE               any file the app opens (ACLED or UCDP CSV or Parquet, the app's Parquet or JSON);
                     several are merged in order, as "Add to current data" does; or, alone, a
                     DuckDB database that npm run serve wrote (loaded as it is, much faster)
  --clickhouse URL   ClickHouse's HTTP interface, e.g. http://user:password@127.0.0.1:8123/
  --database NAME    the database to load into (replaced if loaded before); else the URL's
                     ?database=, else conflict_timeline
  --cluster NAME     a cluster of remote_servers: a MergeTree table on every shard and a
                     Distributed table over them on the server of --clickhouse
  --shard URL        each shard's HTTP URL, to create its tables there when the cluster has no
                     distributed DDL (ON CLUSTER needs ZooKeeper)`;

export interface LoadArgs {
  files: string[];
  url: string;
  database: string | null;
  cluster: string | null;
  shards: string[];
}

export function parseLoadArgs(argv: readonly string[]): LoadArgs | { error: string } {
  const files: string[] = [];
  const shards: string[] = [];
  let url: string | null = null;
  let database: string | null = null;
  let cluster: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--clickhouse' || arg === '--database' || arg === '--cluster' || arg === '--shard') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${arg} needs a value` };
      if (arg === '--clickhouse') url = value;
      else if (arg === '--database') database = value;
      else if (arg === '--cluster') cluster = value;
      else shards.push(value);
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (!files.length) return { error: 'name at least one FILE to load' };
  if (url === null) return { error: '--clickhouse URL is required' };
  if (shards.length && cluster === null) return { error: '--shard is for a --cluster' };
  return { files, url, database, cluster, shards };
}
