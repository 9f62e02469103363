package se.motesdagen.registration.company;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The address a registration's mail goes to, checked the same way wherever a person types it: the
 * registration form, the API and "send the link again". Each part keeps its own message.
 */
@Documented
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@NotBlank(message = "{registration.email.required}")
@Email(message = "{registration.email.invalid}")
// the contract needs a domain with a dot; Jakarta's @Email alone accepts "name@localhost"
@Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{registration.email.invalid}")
@Size(max = 254, message = "{registration.email.invalid}")
public @interface ContactEmail {

    String message() default "{registration.email.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
