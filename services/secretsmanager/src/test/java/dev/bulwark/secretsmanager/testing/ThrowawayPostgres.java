package dev.bulwark.secretsmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster for one test class: initdb and pg_ctl from Debian's postgresql package, in
 * a temporary folder, on a free loopback port, with SCRAM password authentication; stopped and
 * removed by {@link #close}. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user the package creates.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path binaries;
    private final Path dir;
    private final int port;
    private final String superuserPassword;

    private ThrowawayPostgres(Path binaries, Path dir, int port, String superuserPassword) {
        this.binaries = binaries;
        this.dir = dir;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    /** Where initdb is, if Debian's postgresql package is installed. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
    }

    public static ThrowawayPostgres start(Path binaries, String superuserPassword) {
        try {
            Path dir = Files.createTempDirectory("bulwark-pg-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path passwordFile = dir.resolve("pw");
            Files.writeString(passwordFile, superuserPassword);
            ThrowawayPostgres cluster = new ThrowawayPostgres(binaries, dir, port, superuserPassword);
            if (runningAsRoot()) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
                Files.setOwner(dir, postgres);
                Files.setOwner(passwordFile, postgres);
            }
            cluster.run(binaries.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync");
            cluster.run(binaries.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                    dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Runs SQL as the superuser. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, superuserPassword);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Whether a user can log in with a password. */
    public boolean canLogIn(String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password)) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            run(binaries.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void run(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(dir.resolve("commands.log").toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish in " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + Files.readString(dir.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
