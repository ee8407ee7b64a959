package be.ocmw.merge.web.internal;

import be.ocmw.merge.reporting.ReportText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Dutch unless the reader chose French ({@code ?lang=fr}, remembered in a cookie): the languages of the reports. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebMvcConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ocmw-lang");
        resolver.setDefaultLocale(ReportText.DUTCH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected java.util.Locale parseLocaleValue(String value) {
                return "fr".equalsIgnoreCase(value) ? ReportText.FRENCH : ReportText.DUTCH;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
