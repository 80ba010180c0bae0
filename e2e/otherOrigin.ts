// A small HTTP server on another port, which is another origin to the app under test: it hosts
// pages that embed the app, and data files with or without CORS.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherOrigin {
  origin: string;
  close(): Promise<void>;
}

export async function startOtherOrigin(handler: RequestListener): Promise<OtherOrigin> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
