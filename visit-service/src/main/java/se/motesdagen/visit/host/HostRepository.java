package se.motesdagen.visit.host;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface HostRepository extends MongoRepository<Host, String> {

    List<Host> findAllByOrderByRoleAscNameAsc();

    Optional<Host> findByEmail(String email);
}
