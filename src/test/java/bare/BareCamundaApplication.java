package bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The yardstick of {@code no.innforing.benchmark.StartupBenchmark} (outside {@code no.innforing}, so the platform's component scan never sees it): a Spring Boot application with the platform's starters (Camunda
 * engine, webapps and REST, web, JPA, validation, mail, actuator, security, Thymeleaf) on its classpath and none
 * of the platform's code, configuration, processes or start-up work. Its health endpoints are open so the
 * benchmark can see when it is ready.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }

    @Bean
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
}
