package se.motesdagen.visit.board;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DraftPlanRepository extends MongoRepository<DraftPlan, String> {}
