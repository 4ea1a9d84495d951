/** Client-made identifiers: event ids (the server's dedup key) and blocker ids. */
export const newId = (): string => crypto.randomUUID();
