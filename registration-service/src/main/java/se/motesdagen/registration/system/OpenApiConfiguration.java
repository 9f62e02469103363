package se.motesdagen.registration.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about the API as a whole. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI registrationApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Mötesdagen – registrations API")
                        .version("1")
                        .description("Register a company for Stora Mötesdagen and follow where the registration"
                                + " stands. The same rules and bot checks as the public form; every error is an"
                                + " RFC 9457 problem (application/problem+json), texts in Swedish or English by"
                                + " Accept-Language. Bodies up to 64 KB; submissions are limited per client.")
                        .contact(new Contact().name("Näringslivsenheten").email("naringsliv@nykoping.example")));
    }
}
