package se.motesdagen.registration.signup;

import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.seats.SeatHolders;
import se.motesdagen.registration.seats.SessionSeats.HolderState;

/** Tells the seats about the registrations behind their places. */
@Component
class RegistrationHolders implements SeatHolders {

    private final RegistrationRepository registrations;

    RegistrationHolders(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public Optional<Holder> find(String registrationId) {
        return registrations
                .findById(registrationId)
                .filter(r -> r.getStatus() != Registration.Status.CANCELLED
                        && r.getStatus() != Registration.Status.CONTESTED
                        && r.getErasedAt() == null)
                .map(r -> new Holder(
                        r.getStatus() == Registration.Status.CONFIRMED ? HolderState.CONFIRMED : HolderState.PENDING,
                        r.getCompany().name(),
                        r.getContact().name(),
                        r.getContact().email(),
                        r.getLanguage(),
                        r.getParticipants().stream()
                                .filter(p -> p.name() != null)
                                .collect(Collectors.toMap(
                                        Registration.Participant::id, Registration.Participant::name))));
    }
}
