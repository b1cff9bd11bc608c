/**
 * The JDBC implementation of Kith's storage port ({@link org.kith.core.store.Store}) on SQLite
 * (the default, a file under the data directory) and PostgreSQL (for several server nodes):
 * one class per area of {@link org.kith.core.store.StoreTx} ({@code AccountRows},
 * {@code GroupRows}, {@code FeedRows} …), and the change signal between nodes
 * ({@code PgNotifyBridge}). Only {@link org.kith.store.Stores} and
 * {@link org.kith.store.StoreException} are public.
 *
 * <p>What callers can rely on:
 * <ul>
 *   <li>Ids come from the database (SQLite AUTOINCREMENT, PostgreSQL BIGSERIAL): positive,
 *       never reused, increasing in insertion order on SQLite; on PostgreSQL a rolled-back
 *       insert leaves a gap.</li>
 *   <li>Times are stored as epoch milliseconds: an {@link java.time.Instant} comes back
 *       truncated to the millisecond.</li>
 *   <li>Feed positions come from one clock row. A rolled-back transaction gives its position
 *       back, so the next writer gets the same number; a committed position is never reused.
 *       Take the position ({@code feed().nextSeq()}) before {@code groups().lock}: every feed
 *       writer locks in that order, so writers cannot deadlock.</li>
 *   <li>Unique violations the port reports (usernames, blocks, personal book slugs, conditional
 *       card writes) are results; any other database failure is a
 *       {@link org.kith.store.StoreException} and dooms its transaction, even if the callback
 *       catches it.</li>
 *   <li>{@code Store.write} inside {@code Store.write} on the same thread is refused with an
 *       {@link java.lang.IllegalStateException}: it would wait for itself.</li>
 * </ul>
 *
 * <p>Schema changes go in a new {@code db/migration/V<n>__name.sql}, listed in
 * {@code Migrator.MIGRATIONS}; the same file runs on both databases.
 */
package org.kith.store;
