package se.motesdagen.registration.signup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RegistrationRepository extends MongoRepository<Registration, String> {

    Optional<Registration> findByConfirmationTokenHash(String hash);

    Optional<Registration> findByManageTokenHash(String hash);

    List<Registration> findByDayIdAndContactEmailKey(String dayId, String contactEmailKey);

    Optional<Registration> findByCompanyPlace(String companyPlace);
}
