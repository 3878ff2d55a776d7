package dev.ydmyk.problem;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text PostgreSQL can store and people can read: no NUL or other control characters (tab, line feed
 * and carriage return are text) and no lone UTF-16 surrogates. The JSON API refuses such text
 * ({@code @Storable}); a webhook or mailbox, which cannot be refused, takes it {@link CleanText#of cleaned}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Storable.Check.class)
public @interface Storable {

    String message() default "must not contain control characters (other than tab and line breaks) or lone surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Storable, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CleanText.firstFault(value) < 0;
        }
    }
}
