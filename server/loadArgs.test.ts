import { describe, expect, it } from 'vitest';
import { parseLoadArgs } from './loadArgs.ts';

describe('npm run load arguments', () => {
  it('takes files, the URL, a database and a cluster with its shards', () => {
    expect(parseLoadArgs(['a.csv', '--clickhouse', 'http://h:8123/', 'b.parquet', '--database', 'ct', '--cluster', 'two', '--shard', 'http://h1:8123/', '--shard', 'http://h2:8123/'])).toEqual({
      files: ['a.csv', 'b.parquet'],
      url: 'http://h:8123/',
      database: 'ct',
      cluster: 'two',
      shards: ['http://h1:8123/', 'http://h2:8123/'],
    });
    expect(parseLoadArgs(['a.csv', '--clickhouse', 'http://h:8123/'])).toEqual({ files: ['a.csv'], url: 'http://h:8123/', database: null, cluster: null, shards: [] });
  });

  it('says what is missing or wrong', () => {
    expect(parseLoadArgs(['--clickhouse', 'http://h/'])).toEqual({ error: 'name at least one FILE to load' });
    expect(parseLoadArgs(['a.csv'])).toEqual({ error: '--clickhouse URL is required' });
    expect(parseLoadArgs(['a.csv', '--clickhouse'])).toEqual({ error: '--clickhouse needs a value' });
    expect(parseLoadArgs(['a.csv', '--clickhouse', '--cluster', 'x'])).toEqual({ error: '--clickhouse needs a value' });
    expect(parseLoadArgs(['a.csv', '--clickhouse', 'http://h/', '--watch'])).toEqual({ error: 'unknown option --watch' });
    expect(parseLoadArgs(['a.csv', '--clickhouse', 'http://h/', '--shard', 'http://s/'])).toEqual({ error: '--shard is for a --cluster' });
  });
});
