import type { Server } from 'node:http';
export declare function listenOnLoopback(server: Server): Promise<{ url: string; close(): Promise<void> }>;
