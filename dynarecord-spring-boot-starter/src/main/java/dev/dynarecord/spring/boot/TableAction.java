package dev.dynarecord.spring.boot;

/**
 * What the starter does at startup with the tables of the models it found
 * ({@code dynarecord.models.tables}).
 */
public enum TableAction {
    /** {@code session.tables().create(model)}: create missing tables, check the key of existing ones. */
    CREATE,
    /** {@code session.tables().sync(model)}: create missing tables, add missing indexes, match TTL, stream and backups. */
    SYNC,
    /** Nothing: tables are managed elsewhere (migrations, infrastructure code). */
    NONE
}
