package se.motesdagen.registration.company;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A company is identified either by a valid organisationsnummer or, for a sole trader, by the owner's
 * valid personnummer. Reported on the field the person has to fix. A personnummer typed where the
 * organisationsnummer goes gets a message that points to the sole-trader choice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CompanyIdentified.Validator.class)
public @interface CompanyIdentified {

    String message() default "{registration.organisationNumber.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a form that carries this constraint says to identify the company. */
    interface Fields {

        boolean isSoleTrader();

        String getOrganisationNumber();

        String getPersonalIdentityNumber();
    }

    /** Made by Spring's validator factory, which hands it the service's clock (a personnummer's age depends on today). */
    class Validator implements ConstraintValidator<CompanyIdentified, Fields> {

        private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Fields form, ConstraintValidatorContext context) {
            LocalDate today = LocalDate.now(clock.withZone(STOCKHOLM));
            if (form.isSoleTrader()) {
                String pnr = form.getPersonalIdentityNumber();
                if (pnr == null || pnr.isBlank()) {
                    return reject(context, "personalIdentityNumber", "{registration.personalIdentityNumber.required}");
                }
                return PersonalIdentityNumber.parse(pnr, today).isPresent()
                        || reject(context, "personalIdentityNumber", "{registration.personalIdentityNumber.invalid}");
            }
            String orgNr = form.getOrganisationNumber();
            if (orgNr == null || orgNr.isBlank()) {
                return reject(context, "organisationNumber", "{registration.organisationNumber.required}");
            }
            if (OrganisationNumber.parse(orgNr).isPresent()) {
                return true;
            }
            return PersonalIdentityNumber.parse(orgNr, today).isPresent()
                    ? reject(context, "organisationNumber", "{registration.organisationNumber.looksLikePersonnummer}")
                    : reject(context, "organisationNumber", "{registration.organisationNumber.invalid}");
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
