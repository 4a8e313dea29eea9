package dev.forewarn.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Marks a {@link SelfChecking} settings mapping whose {@link SelfChecking#problems()} stop start-up, naming
 * their keys, while the configuration is read: before any bean, pool or migration exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChecksItself.Check.class)
public @interface ChecksItself {
    String message() default "inconsistent settings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports each problem of the mapping as its own violation. */
    class Check implements ConstraintValidator<ChecksItself, SelfChecking> {
        @Override
        public boolean isValid(SelfChecking settings, ConstraintValidatorContext context) {
            List<String> problems = settings.problems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String p : problems) {
                // Message templates interpret braces, dollars and backslashes; a key must print as written.
                context.buildConstraintViolationWithTemplate(p.replace("\\", "\\\\").replace("{", "\\{")
                        .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
            }
            return false;
        }
    }
}
