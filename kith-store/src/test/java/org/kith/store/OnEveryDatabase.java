package org.kith.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of the class once on SQLite and once on PostgreSQL. The class takes the
 * database as a {@code @Parameter TestDatabase} field (or constructor argument) and opens its
 * stores from it; each run gets a database of its own, removed after the class.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("org.kith.store.TestDatabase#all")
public @interface OnEveryDatabase {}
