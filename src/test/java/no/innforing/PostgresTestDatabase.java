package no.innforing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The real PostgreSQL the tests run against: the one named by {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USERNAME} and {@code TEST_DATABASE_PASSWORD}) when set, otherwise an embedded PostgreSQL
 * server (real binaries from Maven Central) started once for the whole test run.
 */
public final class PostgresTestDatabase {

    private static EmbeddedPostgres embedded;

    private PostgresTestDatabase() {
    }

    public static synchronized String url() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::stopAfterSpring));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    /**
     * Spring closes the cached test contexts in its own shutdown hook, and the engine still talks to the database
     * while it closes: the server stops only after that hook is done.
     */
    private static void stopAfterSpring() {
        long deadline = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < deadline && Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("SpringApplicationShutdownHook"))) {
            Thread.onSpinWait();
        }
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    public static String username() {
        String external = System.getenv("TEST_DATABASE_URL");
        return external != null && !external.isBlank() ? System.getenv("TEST_DATABASE_USERNAME") : "postgres";
    }

    public static String password() {
        String external = System.getenv("TEST_DATABASE_URL");
        return external != null && !external.isBlank() ? System.getenv("TEST_DATABASE_PASSWORD") : "postgres";
    }
}
