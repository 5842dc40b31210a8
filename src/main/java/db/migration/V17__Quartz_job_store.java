package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The tables of Quartz's JDBC job store, on which the deadline scan fires once across the nodes.
 * They are created from the script Quartz ships for PostgreSQL (so they match the library's
 * version), without its DROP statements: the script is written to reset a database, and a node
 * that starts must never wipe the triggers the others are running.
 */
public class V17__Quartz_job_store extends BaseJavaMigration {

    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("Quartz's " + SCRIPT + " is not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = Arrays.stream(script.split("\n")).filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        try (Statement sql = context.getConnection().createStatement()) {
            for (String statement : withoutComments.split(";")) {
                String s = statement.strip();
                String verb = s.toUpperCase(Locale.ROOT);
                if (s.isEmpty() || verb.startsWith("DROP") || verb.equals("COMMIT")) {
                    continue;
                }
                sql.execute(s);
            }
        }
    }
}
