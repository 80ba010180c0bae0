// Branded primitives: a UtcMillis is not just any number, an ActorId not just any string.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type UtcMillis = Brand<number, 'UtcMillis'>;
export type EventId = Brand<string, 'EventId'>;
export type ActorId = Brand<string, 'ActorId'>;

export const utc = (ms: number) => ms as UtcMillis;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365.2425 * DAY;
