package dev.forewarn.ha;

/**
 * Fired once the schema is migrated, on the start-up thread or the retry thread: observers do the start-up work
 * that needs the database (ordered by {@code @Priority}, lowest first). An observer that throws fails the attempt,
 * which is retried with backoff; the jobs start in the last observer, so they never run against a missing schema.
 */
public record SchemaMigrated() {
}
