package se.motesdagen.registration.signup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface RegistrationRepository extends MongoRepository<Registration, String> {

    /** The registration a confirm link belongs to: its newest link or one of the earlier ones. */
    @Query("{ '$or': [ { 'confirmationTokenHash': ?0 }, { 'earlierConfirmationTokenHashes': ?0 } ] }")
    Optional<Registration> findByConfirmLink(String hash);

    /** The registration a manage link belongs to: its newest link or one of the earlier ones. */
    @Query("{ '$or': [ { 'manageTokenHash': ?0 }, { 'earlierManageTokenHashes': ?0 } ] }")
    Optional<Registration> findByManageLink(String hash);

    List<Registration> findByDayIdAndContactEmailKey(String dayId, String contactEmailKey);

    Optional<Registration> findByCompanyPlace(String companyPlace);

    /** The confirmed registration that holds the company's place on the registration's day, if any. */
    default Optional<Registration> findPlaceHolder(Registration registration) {
        return findByCompanyPlace(Registration.companyPlace(
                registration.getDayId(), registration.getCompany().identityKey()));
    }

    List<Registration> findByDayIdAndStatus(String dayId, Registration.Status status);
}
