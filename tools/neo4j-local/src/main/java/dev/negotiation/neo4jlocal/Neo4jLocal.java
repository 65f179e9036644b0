package dev.negotiation.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import inet.ipaddr.IPAddressString;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j 5.26 Community server in this JVM with Bolt on 127.0.0.1.
 *
 * <p>Contract with the Node side (src/neo4j-local/):
 *
 * <ul>
 *   <li>arguments: {@code --home DIR --port N [--pagecache SIZE] [--exit-on-stdin-close]};
 *       the password of user {@code neo4j} comes from the environment variable
 *       {@code NEO4J_PASSWORD} (never from the command line, which other users can read);
 *   <li>exactly one line {@code neo4j-local ready bolt://127.0.0.1:N} on stdout once the server
 *       accepts authenticated Bolt connections; errors go to stderr with exit status 1;
 *   <li>the password is set at the first start and again whenever {@code NEO4J_PASSWORD}
 *       differs from the one last set (a salted PBKDF2 hash in {@code HOME/data/}{@value
 *       PasswordMark#FILE} remembers it): an unchanged password costs no Cypher statement at
 *       start. A password changed by hand in Cypher stays until {@code NEO4J_PASSWORD} changes;
 *       deleting that file makes the next start set it again;
 *   <li>SIGINT/SIGTERM (and, with {@code --exit-on-stdin-close}, the parent closing stdin)
 *       shut the database down cleanly before the process exits.
 * </ul>
 *
 * <p>{@code LOAD CSV} is confined: file URLs resolve inside {@code HOME/import} only, and no
 * network address may be fetched (every IPv4 and IPv6 address is on Cypher's blocklist).
 */
public final class Neo4jLocal {
  private static final String USER = "neo4j";

  private Neo4jLocal() {}

  public static void main(String[] args) {
    try {
      Options options = Options.parse(args);
      run(options);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-local: " + e.getMessage());
      System.exit(2);
    } catch (Throwable e) {
      System.err.println("neo4j-local: failed to start Neo4j: " + rootMessage(e));
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  private static void run(Options options) throws Exception {
    Files.createDirectories(options.home);
    Path importDir = Files.createDirectories(options.home.resolve("import"));
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(options.home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, options.pagecacheBytes)
            // LOAD CSV reads only files under HOME/import and fetches no URL.
            .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
            .setConfig(
                GraphDatabaseInternalSettings.cypher_ip_blocklist,
                List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
            // Netty's default 5 s quiet period, twice over, made every shutdown take 10 s.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
            // Index population (the schema phase after a bulk load) uses every core: Neo4j's
            // default leaves one idle (1 worker on 2 cores: 56 s for a 1M store's schema, 41 s
            // with 2). Nothing else runs in this process while a store is being indexed.
            .setConfig(
                GraphDatabaseInternalSettings.index_population_workers,
                Runtime.getRuntime().availableProcessors())
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("neo4j-local: shutting down");
                  dbms.shutdown();
                  stopped.countDown();
                },
                "neo4j-local-shutdown"));

    PasswordMark mark = new PasswordMark(options.home.resolve("data").resolve(PasswordMark.FILE));
    if (!mark.matches(options.password)) {
      setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), options.password);
      mark.record(options.password);
    }

    if (options.exitOnStdinClose) {
      Thread watcher = new Thread(Neo4jLocal::exitWhenStdinCloses, "neo4j-local-stdin");
      watcher.setDaemon(true);
      watcher.start();
    }

    System.out.println("neo4j-local ready bolt://127.0.0.1:" + options.port);
    System.out.flush();
    stopped.await();
  }

  /** Sets the password of {@code neo4j} without requiring a change at first login. */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (RuntimeException e) {
      // Setting the password it already has is refused by Neo4j; that is the steady state.
      if (!rootMessage(e).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static void exitWhenStdinCloses() {
    try {
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // Input is ignored; only the end of the stream matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, same as end of stream.
    }
    System.exit(0);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private record Options(
      Path home, int port, long pagecacheBytes, String password, boolean exitOnStdinClose) {

    static Options parse(String[] args) {
      Path home = null;
      int port = 7687;
      long pagecache = ByteUnit.mebiBytes(256);
      boolean exitOnStdinClose = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath();
          case "--port" -> port = parsePort(value(args, ++i, arg));
          case "--pagecache" -> pagecache = parseSize(value(args, ++i, arg));
          case "--exit-on-stdin-close" -> exitOnStdinClose = true;
          default -> throw new IllegalArgumentException("unknown argument " + arg);
        }
      }
      if (home == null) {
        throw new IllegalArgumentException("--home DIR is required");
      }
      String password = System.getenv("NEO4J_PASSWORD");
      if (password == null || password.length() < 8) {
        throw new IllegalArgumentException(
            "NEO4J_PASSWORD must be set and at least 8 characters long (Neo4j's minimum)");
      }
      return new Options(home, port, pagecache, password, exitOnStdinClose);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }

    private static int parsePort(String s) {
      try {
        int port = Integer.parseInt(s);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be 1-65535, got '" + s + "'");
      }
    }

    /** Parses sizes such as {@code 512m} or {@code 1g}. */
    private static long parseSize(String s) {
      String lower = s.trim().toLowerCase();
      try {
        if (lower.endsWith("g")) {
          return ByteUnit.gibiBytes(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        if (lower.endsWith("m")) {
          return ByteUnit.mebiBytes(Long.parseLong(lower.substring(0, lower.length() - 1)));
        }
        return Long.parseLong(lower);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--pagecache must look like 256m or 1g, got '" + s + "'");
      }
    }
  }
}
