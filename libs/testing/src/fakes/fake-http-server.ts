import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';

/** An express app listening on 127.0.0.1 at a free port; what every fake provider server is built on. */
export class FakeHttpServer {
  readonly app: Express = express();
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<this> {
    this.app.disable('x-powered-by');
    this.server = await new Promise<Server>((resolve) => {
      const s = this.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
