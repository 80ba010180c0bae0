// The app's Parquet in one place, for Node (npm run import, tests). The page loads the halves on
// their own: appParquetWrite.ts for an export, appParquetRead.ts for an import, so that neither
// carries the other's library.
export { isAppParquetColumns, APP_PARQUET_COLUMNS, APP_PARQUET_METADATA_KEY } from './appParquetColumns.ts';
export { createAppParquetWriter, datasetToParquet, type AppParquetWriter } from './appParquetWrite.ts';
export { parquetToDataset, APP_PARQUET_FORMAT_NAME } from './appParquetRead.ts';
