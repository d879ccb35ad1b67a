export declare function buildInbox(): Promise<void>;
