package no.innforing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Innføring: every municipality's implementation project of the shared health record, run on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InnforingApplication {

    public static void main(String[] args) {
        SpringApplication.run(InnforingApplication.class, args);
    }
}
