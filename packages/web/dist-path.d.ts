/** Absolute path of packages/web/dist (the built web app), with no trailing slash. */
export declare const webDistPath: string;
