export declare const HOW_TO_GET_CHROME: string;
export declare const CHROME_ARGS: string[];
export declare function findChrome(): string | undefined;
