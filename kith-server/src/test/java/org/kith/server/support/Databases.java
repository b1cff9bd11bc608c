package org.kith.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class once on SQLite and once on PostgreSQL (JUnit's
 * parameterized classes; reports name the runs {@code [1]} and {@code [2]}). The class declares a
 * {@code @Parameter Database} field, which JUnit sets for each run; a static
 * {@code @BeforeParameterizedClassInvocation} method that starts a shared server receives the
 * same value as its parameter. Set-up for a run belongs in such a method: {@code @BeforeAll}
 * would run once for both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ParameterizedClass(name = "{0}")
@EnumSource(Database.class)
public @interface Databases {
}
