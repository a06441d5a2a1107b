package io.intelligencecrm.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.postgres.ClusterBootstrap;
import io.intelligencecrm.postgres.LocalPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The managed cluster on a fixed port: a second process joins it without taking it over, and the process
 * that started it does not stop it while another still has connections open.
 */
class ManagedClusterStopTest {
    private static final Path BIN = Path.of(System.getenv().getOrDefault("CRM_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"));
    private static final String OS_USER = System.getenv().getOrDefault("CRM_POSTGRES_OS_USER", "postgres");

    @Test
    void the_starter_leaves_the_cluster_running_while_another_process_uses_it_and_a_joiner_never_stops_it()
            throws Exception {
        Path root = Files.createTempDirectory("crm-managed-");
        root.toFile().setExecutable(true, false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalPostgres.Listen listen = new LocalPostgres.Listen("127.0.0.1", port, "samenet");
        try {
            LocalPostgres starter = LocalPostgres.start(root, BIN, OS_USER, false, "", listen);
            assertTrue(starter.startedHere());
            assertEquals(port, starter.port());
            LocalPostgres joiner = LocalPostgres.start(root, BIN, OS_USER, false, "", listen);
            assertFalse(joiner.startedHere(), "a running cluster is joined, not started again");

            try (Connection other = ClusterBootstrap.superuser(joiner, "postgres")) {
                joiner.close();
                starter.close();
                assertTrue(other.isValid(2), "neither stopped it while the other process was connected");
            }
            starter.close();
            assertThrows(SQLException.class, () -> ClusterBootstrap.superuser(starter, "postgres").close(),
                    "with nobody left, its starter stops it");
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
