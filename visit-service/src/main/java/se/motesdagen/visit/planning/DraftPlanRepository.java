package se.motesdagen.visit.planning;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DraftPlanRepository extends MongoRepository<DraftPlan, String> {}
