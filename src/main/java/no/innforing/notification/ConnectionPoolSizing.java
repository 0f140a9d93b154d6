package no.innforing.notification;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the database connection pool from the threads that hold connections: every job-executor thread and its
 * acquisition thread, every notification sender and its poller, and a margin for web requests. A pool configured
 * larger ({@code spring.datasource.hikari.maximum-pool-size}) is left as it is. No code path holds two connections
 * at once, so this pool never runs dry under load; it only keeps threads from waiting for one.
 */
@Component
class ConnectionPoolSizing implements BeanPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPoolSizing.class);
    /** The starter's default {@code camunda.bpm.job-execution.max-pool-size}. */
    private static final int JOB_EXECUTOR_DEFAULT_MAX_THREADS = 10;
    private static final int WEB_REQUESTS = 5;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            int jobThreads = environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class,
                    JOB_EXECUTOR_DEFAULT_MAX_THREADS);
            int senders = environment.getProperty("innforing.notifications.delivery.threads", Integer.class, 4);
            int needed = jobThreads + 1 + senders + 1 + WEB_REQUESTS;
            if (pool.getMaximumPoolSize() < needed) {
                LOG.info("Database pool: {} connections ({} job-executor threads + acquisition, {} notification "
                        + "senders + poller, {} for web requests)", needed, jobThreads, senders, WEB_REQUESTS);
                pool.setMaximumPoolSize(needed);
            }
        }
        return bean;
    }
}
