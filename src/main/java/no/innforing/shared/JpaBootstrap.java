package no.innforing.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Start-up time: Hibernate builds its model of the entities and validates the schema on a thread of its own
 * ({@code jpa-bootstrap}) while the main thread goes on with the rest of the context, above all the process
 * engine. With {@code spring.data.jpa.repositories.bootstrap-mode: deferred} (application.yaml) the repositories
 * are created, and their queries checked, once the context is refreshed: still before the start-up work (the
 * {@code ApplicationRunner}s) and so before readiness goes UP. Whatever touches the entity manager earlier waits
 * for Hibernate.
 *
 * <p>A thread of its own rather than whatever executor Spring Boot would pick (with no {@code applicationTaskExecutor}
 * it takes the only one there is, the job executor's pool).
 */
@Configuration(proxyBeanMethods = false)
class JpaBootstrap {

    @Bean
    static BeanPostProcessor jpaBootstrapExecutor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractEntityManagerFactoryBean factory) {
                    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
                    factory.setBootstrapExecutor(executor);
                }
                return bean;
            }
        };
    }
}
