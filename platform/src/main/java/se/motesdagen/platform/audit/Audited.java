package se.motesdagen.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a staff handler that reveals or changes personal data: each time it answers without an error,
 * the audit log gets who (subject and roles), what ({@link #value}), which record, when and from where.
 * The log keeps the record's id and nothing else of it.
 *
 * <pre>
 * &#64;Audited(value = "registration.viewed", record = "id")
 * &#64;GetMapping("/personal/anmalningar/{id}")
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** What was done, as {@code <what>.<past tense>}: {@code registration.erased}, {@code registrations.exported}. */
    String value();

    /** The path variable or request parameter that names the record; empty when the action has none (a list export). */
    String record() default "";
}
