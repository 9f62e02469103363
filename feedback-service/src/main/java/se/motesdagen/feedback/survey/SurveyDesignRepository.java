package se.motesdagen.feedback.survey;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SurveyDesignRepository extends MongoRepository<SurveyDesign, String> {}
