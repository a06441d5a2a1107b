package io.intelligencecrm.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster that the project manages from the system's server binaries: created on
 * first use, started on a free loopback port (or the configured address and port), reused while it
 * runs, stopped by whoever started it, and not even then while other processes still use it.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    public static final String SUPERUSER = "crm_superuser";

    private final Path root;
    private final Path dataDir;
    private final Path binDir;
    private final OsCommand os;
    private final boolean throwaway;
    private final int port;
    private final boolean startedHere;
    private final String superuserPassword;
    private final String host;

    /**
     * Where the cluster listens.
     *
     * @param address        listen_addresses: 127.0.0.1 (the default, this machine only), an address, or * for all
     * @param port           0 picks a free port at each start
     * @param allowedNetwork the clients allowed in over the network (pg_hba: a CIDR such as 10.0.0.0/16, or
     *                       samenet), when the address is not loopback; they still need a role's password
     */
    public record Listen(String address, int port, String allowedNetwork) {
        public static final Listen LOOPBACK_ANY_PORT = new Listen("127.0.0.1", 0, "samenet");

        boolean loopbackOnly() {
            return address.equals("127.0.0.1") || address.equals("localhost");
        }

        /** The address this machine's own clients use. */
        String host() {
            return address.equals("*") || address.equals("0.0.0.0") || address.equals("localhost")
                    ? "127.0.0.1" : address;
        }
    }

    private LocalPostgres(Path root, Path binDir, OsCommand os, boolean throwaway, int port, boolean startedHere,
                          String superuserPassword, String host) {
        this.host = host;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.binDir = binDir;
        this.os = os;
        this.throwaway = throwaway;
        this.port = port;
        this.startedHere = startedHere;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts (or joins) the cluster under {@code root}. A throwaway cluster trades durability for
     * speed and is deleted on close; tests use one per JVM.
     */
    public static LocalPostgres start(Path root, Path binDir, String osUser, boolean throwaway, String extraSettings) {
        return start(root, binDir, osUser, throwaway, extraSettings, Listen.LOOPBACK_ANY_PORT);
    }

    /** Starts (or joins) the cluster under {@code root}, listening where {@code listen} says when it starts it. */
    public static LocalPostgres start(Path root, Path binDir, String osUser, boolean throwaway, String extraSettings,
                                      Listen listen) {
        if (!Files.isExecutable(binDir.resolve("pg_ctl"))) {
            throw new PostgresStartException("PostgreSQL server binaries not found in " + binDir
                    + ". Run scripts/install.sh (./crm run does), or set CRM_POSTGRES_BIN.");
        }
        OsCommand os = OsCommand.forUser(osUser);
        Path dataDir = root.resolve("data");
        try {
            Files.createDirectories(root);
            String password = superuserPassword(root);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise(root, binDir, os, password);
            }
            Integer runningPort = runningPort(binDir, os, dataDir);
            if (runningPort != null) {
                if (listen.port() != 0 && listen.port() != runningPort) {
                    log.warn("PostgreSQL in {} already runs on port {}, not the configured {}", dataDir, runningPort,
                            listen.port());
                }
                log.info("Reusing PostgreSQL already running on port {} ({})", runningPort, dataDir);
                return new LocalPostgres(root, binDir, os, throwaway, runningPort, false, password, listen.host());
            }
            int port = listen.port() == 0 ? freePort() : listen.port();
            if (!listen.loopbackOnly()) allowNetwork(dataDir, listen.allowedNetwork());
            List<String> options = new ArrayList<>(List.of(
                    "-c listen_addresses=" + listen.address(), "-c port=" + port,
                    "-c unix_socket_directories=" + dataDir, "-c max_connections=300"));
            if (throwaway) {
                options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
            }
            if (!extraSettings.isBlank()) {
                for (String setting : extraSettings.trim().split("\\s+")) options.add("-c " + setting);
            }
            os.require(120, binDir.resolve("pg_ctl").toString(), "start", "-w", "-t", "90", "-D", dataDir.toString(),
                    "-l", root.resolve("postgres.log").toString(), "-o", String.join(" ", options));
            log.info("Started PostgreSQL on {}:{} ({})", listen.address(), port, dataDir);
            return new LocalPostgres(root, binDir, os, throwaway, port, true, password, listen.host());
        } catch (IOException e) {
            throw new PostgresStartException("Cannot prepare " + root + ": " + e.getMessage(), e);
        }
    }

    private static void initialise(Path root, Path binDir, OsCommand os, String password) throws IOException {
        Path dataDir = root.resolve("data");
        Files.createDirectories(dataDir);
        Path passwordFile = root.resolve("initdb.pw");
        Files.writeString(passwordFile, password);
        try {
            handOver(root, os);
            requireReachable(root, os);
            os.require(180, binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
                    "--no-instructions");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        log.info("Created PostgreSQL cluster in {}", dataDir);
    }

    /** Lets clients of this network in with a password (scram-sha-256), once; loopback is always allowed. */
    private static void allowNetwork(Path dataDir, String network) throws IOException {
        if (!network.matches("samenet|samehost|[0-9a-fA-F.:]+/\\d{1,3}")) {
            throw new PostgresStartException("CRM_POSTGRES_ALLOW must be a network such as 10.0.0.0/16, or samenet; was "
                    + network);
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        String line = "host all all " + network + " scram-sha-256";
        if (Files.readAllLines(hba).stream().noneMatch(existing -> existing.strip().equals(line))) {
            Files.writeString(hba, "\n# Added by Intelligence CRM (CRM_POSTGRES_LISTEN, CRM_POSTGRES_ALLOW)\n" + line + "\n",
                    StandardOpenOption.APPEND);
        }
    }

    /** When running as root, the cluster files belong to the unprivileged user that runs the server. */
    private static void handOver(Path root, OsCommand os) throws IOException {
        if (os.runAsUser() == null) return;
        UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(os.runAsUser());
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (!path.getFileName().toString().equals("superuser.pw")) Files.setOwner(path, owner);
            }
        }
        Files.setPosixFilePermissions(root.resolve("data"), PosixFilePermissions.fromString("rwx------"));
    }

    private static void requireReachable(Path root, OsCommand os) {
        if (os.runAsUser() != null && !os.run(10, "test", "-w", root.toString()).ok()) {
            throw new PostgresStartException("The PostgreSQL OS user '" + os.runAsUser() + "' cannot reach " + root
                    + " (a parent folder is private). Set CRM_DATA_DIR to a folder it can reach, e.g. /var/tmp/crm.");
        }
    }

    /** The port of a server already running on this data folder, or null. */
    private static Integer runningPort(Path binDir, OsCommand os, Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return null;
        if (!os.run(30, binDir.resolve("pg_ctl").toString(), "status", "-D", dataDir.toString()).ok()) return null;
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : null;
    }

    private static String superuserPassword(Path root) throws IOException {
        Path file = root.resolve("superuser.pw");
        if (Files.exists(file)) return Files.readString(file).trim();
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, password);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The address this machine's clients reach the server at. */
    public String host() {
        return host;
    }

    public Path root() {
        return root;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Whether this process started the server (and so may stop it). */
    public boolean startedHere() {
        return startedHere;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** Reads or creates a random password kept beside the cluster, for the roles the product creates. */
    public String rolePassword(String role) {
        Path file = root.resolve("roles.properties");
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            String password = properties.getProperty(role);
            if (password == null) {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = HexFormat.of().formatHex(bytes);
                properties.setProperty(role, password);
                try (var out = Files.newOutputStream(file)) {
                    properties.store(out, "Passwords of the roles of the project-managed cluster");
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server if this process started it and no other process is connected (another node, a
     * psql session); deletes the cluster if it was a throwaway one.
     */
    @Override
    public void close() {
        if (!startedHere) return;
        if (!throwaway) {
            int others = otherClients();
            if (others > 0) {
                log.warn("Leaving PostgreSQL on port {} running: {} connections of other processes still use it", port,
                        others);
                return;
            }
        }
        OsCommand.Result stop = os.run(60, binDir.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-w",
                "-D", dataDir.toString());
        if (!stop.ok()) log.warn("pg_ctl stop: {}", stop.output().strip());
        if (throwaway) deleteTree(root);
    }

    /** Client connections other than the one asking; -1 when the server cannot be asked. */
    private int otherClients() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select count(*) from pg_stat_activity
                      where backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            log.warn("Could not ask PostgreSQL who is connected: {}", e.getMessage());
            return -1;
        }
    }

    private static void deleteTree(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }
}
