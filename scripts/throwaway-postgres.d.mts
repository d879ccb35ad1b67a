export declare const NO_POSTGRES: string;
export declare function postgresInstalled(): boolean;
export declare function startPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
