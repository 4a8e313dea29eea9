package dev.forewarn.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Marks the configuration root for {@code dev.forewarn.ConfigurationCheck}: the rules that span several keys, checked while the
 * configuration is read, so a bad value stops the process naming its key before any database work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = dev.forewarn.ConfigurationCheck.class)
public @interface ConsistentConfiguration {
    String message() default "inconsistent forewarn configuration";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
