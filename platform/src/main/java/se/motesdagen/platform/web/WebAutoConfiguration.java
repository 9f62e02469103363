package se.motesdagen.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * What every service's web layer shares: Swedish first with {@code ?lang=en} remembered in a cookie,
 * one clock, a size limit and RFC 9457 problem details for the JSON API, and the per-client limit on
 * submissions where a service has public forms.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties({ApiProperties.class, RateLimitProperties.class, PublicPageCache.Properties.class})
public class WebAutoConfiguration implements WebMvcConfigurer {

    public static final Locale SWEDISH = Locale.of("sv", "SE");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver(Environment environment) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("motesdagen-lang");
        resolver.setDefaultLocale(SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(secureCookies(environment));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Whether the cookies the services set (the language, the form's CSRF token) are {@code Secure}: sent
     * only over HTTPS. Outside the local stack always, unless {@code motesdagen.cookies.secure=false}
     * says otherwise (a test server on plain HTTP); on the local stack (plain http://localhost) not.
     */
    public static boolean secureCookies(Environment environment) {
        boolean localStack = environment.getProperty("motesdagen.local-stack", Boolean.class, false);
        return environment.getProperty("motesdagen.cookies.secure", Boolean.class, !localStack);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    @Bean
    PageFrameAdvice pageFrameAdvice() {
        return new PageFrameAdvice();
    }

    @Bean
    ApiProblemHandler apiProblemHandler(MessageSource messages) {
        return new ApiProblemHandler(messages);
    }

    @Bean
    ApiFallbackController apiFallbackController(MessageSource messages) {
        return new ApiFallbackController(messages);
    }

    @Bean
    PublicPageCache publicPageCache(PublicPageCache.Properties properties, LocaleResolver locales, Clock clock) {
        return new PublicPageCache(properties, locales, clock);
    }

    /** After Spring Security (order -100), which has made the request's CSRF token the page needs. */
    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCacheAfterSecurity(PublicPageCache cache) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(0);
        registration.setEnabled(!cache.isOff());
        return registration;
    }

    /** Before security and everything else, so an oversized body is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter(ApiProperties api, MessageSource messages) {
        FilterRegistrationBean<ApiBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiBodyLimitFilter(api, messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty("motesdagen.rate-limit.paths")
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties limits, ApiProperties api, Clock clock, MessageSource messages) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, api, clock, messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
