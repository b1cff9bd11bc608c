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
 * Runs every test of the annotated class once on SQLite and once on PostgreSQL, reported as
 * {@code [1] SQLITE} and {@code [2] POSTGRES}. The class receives the {@link Database} through a
 * {@code @Parameter} field, its constructor, or its {@code @BeforeParameterizedClassInvocation}
 * method (where a shared server is started); {@code @BeforeAll} would run only once for both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ParameterizedClass(name = "{0}")
@EnumSource(Database.class)
public @interface Databases {
}
