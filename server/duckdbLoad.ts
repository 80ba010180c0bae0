// Writes a dataset to a DuckDB database file with the Appender: the rows the app's own table code
// makes (eventRowsOf), so that time order, anchors, places and search text are the app's.
import { existsSync } from 'node:fs';
import { DuckDBInstance, LIST, VARCHAR } from '@duckdb/node-api';
import type { Dataset, DatasetInfo } from '../src/model/schema.ts';
import type { ImportReport } from '../src/io/report.ts';
import { eventRowsOf } from './eventRows.ts';

/** Written into dataset_info.format: a database with another value (or none) is not ours. */
export const DATABASE_FORMAT = 'conflict-timeline-duckdb-1';

export const SCHEMA_SQL = `
CREATE TABLE events (
  row INTEGER NOT NULL, id VARCHAR NOT NULL, type VARCHAR NOT NULL, start_ms DOUBLE NOT NULL, end_ms DOUBLE,
  country VARCHAR, place_keys VARCHAR[] NOT NULL, search VARCHAR NOT NULL, title VARCHAR NOT NULL,
  language VARCHAR NOT NULL, json VARCHAR NOT NULL
);
CREATE TABLE event_actors (row INTEGER NOT NULL, actor VARCHAR NOT NULL, roles INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE TABLE dataset_info (format VARCHAR NOT NULL, dataset VARCHAR NOT NULL, reports VARCHAR NOT NULL);
`;

/** The dataset without its events: what /api/info answers. */
export function datasetInfoOf(dataset: Dataset): DatasetInfo {
  const { events: _events, ...info } = dataset;
  return info;
}

/** Creates the database at `path` (which must not exist yet) and closes it. */
export async function createDuckDbDatabase(dataset: Dataset, path: string, reports: readonly ImportReport[] = []): Promise<void> {
  if (existsSync(path)) throw new Error(`${path} exists already`);
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    try {
      await connection.run(SCHEMA_SQL);
      const rows = eventRowsOf(dataset);
      const events = await connection.createAppender('events');
      const actors = await connection.createAppender('event_actors');
      const keysType = LIST(VARCHAR);
      for (let row = 0; row < rows.table.size; row++) {
        const e = rows.eventRow(row);
        events.appendInteger(e.row);
        events.appendVarchar(e.id);
        events.appendVarchar(e.type);
        events.appendDouble(e.start);
        if (e.end === null) events.appendNull();
        else events.appendDouble(e.end);
        if (e.country === null) events.appendNull();
        else events.appendVarchar(e.country);
        events.appendList(e.placeKeys, keysType);
        events.appendVarchar(e.search);
        events.appendVarchar(e.title);
        events.appendVarchar(e.language);
        events.appendVarchar(e.json);
        events.endRow();
        rows.actorRows(row).forEach((a, position) => {
          actors.appendInteger(a.row);
          actors.appendVarchar(a.actor);
          actors.appendInteger(a.roles);
          actors.appendInteger(position);
          actors.endRow();
        });
      }
      events.closeSync();
      actors.closeSync();
      await connection.run('INSERT INTO dataset_info VALUES ($1, $2, $3)', [DATABASE_FORMAT, JSON.stringify(datasetInfoOf(dataset)), JSON.stringify(reports)]);
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
