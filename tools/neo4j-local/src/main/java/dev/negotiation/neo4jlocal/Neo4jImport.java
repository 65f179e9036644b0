package dev.negotiation.neo4jlocal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.cli.ContextInjectingFactory;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.internal.schema.SchemaCommand;
import org.neo4j.internal.schema.SchemaDescriptor;
import org.neo4j.internal.schema.SchemaTokens;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.token.TokenHolders;
import picocli.CommandLine;

/**
 * Loads CSV files into the {@code neo4j} database of a NEW store with Neo4j's offline importer
 * ({@code neo4j-admin database import full}, run in this JVM), before any server runs on it.
 *
 * <p>Contract with the Node side (src/neo4j-local/run-local-import.ts):
 *
 * <ul>
 *   <li>arguments: {@code --home DIR --from DIR [--threads N] [--max-off-heap-memory SIZE]
 *       [--multiline-fields]}; {@code --home} is the store directory {@link Neo4jLocal} serves
 *       afterwards, {@code --from} a directory of {@code nodes*.csv} and {@code
 *       relationships*.csv} files (imported in name order);
 *   <li>each file starts with its header line in the importer's format ({@code id:ID}, {@code
 *       :LABEL}, {@code :START_ID}, {@code :END_ID}, {@code :TYPE}, {@code name:type}); fields are
 *       delimited by {@code ,} and quoted with {@code "} (a quote inside doubled), array elements
 *       delimited by U+001F; {@code --multiline-fields} when a field holds a line break;
 *   <li>two reserved {@code string[]} columns carry what a CSV field cannot: {@code __emptyLists}
 *       names the row's properties whose value is the empty list, {@code __blankLists} those whose
 *       value is the one-element list {@code [""]} (both read as "absent" by the importer). They
 *       become those properties and are not stored themselves;
 *   <li>refuses, changing nothing, a store whose {@code neo4j} database already exists (its store
 *       or transaction-log directory is not empty): never overwrites data;
 *   <li>on success exactly one line {@code neo4j-local imported N nodes, M relationships in S s}
 *       on stdout and exit status 0; the importer's progress goes to stderr;
 *   <li>any failure (a malformed CSV, a duplicate id, a relationship to a missing node): the
 *       reason on stderr, exit status 1, and the database's directories removed again, so the
 *       store holds no half-imported database; usage errors exit with status 2.
 * </ul>
 */
public final class Neo4jImport {
  static final char ARRAY_DELIMITER = '\u001f';
  static final String EMPTY_LISTS = "__emptyLists";
  static final String BLANK_LISTS = "__blankLists";
  private static final String DATABASE = "neo4j";

  private Neo4jImport() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-local import: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path databaseDir = options.home.resolve("data").resolve("databases").resolve(DATABASE);
    Path txDir = options.home.resolve("data").resolve("transactions").resolve(DATABASE);
    try {
      if (!isEmptyDir(databaseDir) || !isEmptyDir(txDir)) {
        System.err.println(
            "neo4j-local import: refused: the store "
                + options.home
                + " already holds a '"
                + DATABASE
                + "' database ("
                + databaseDir
                + "); the importer only loads into a new store. Nothing was changed.");
        System.exit(1);
        return;
      }
    } catch (IOException e) {
      System.err.println("neo4j-local import: cannot read the store: " + e.getMessage());
      System.exit(1);
      return;
    }
    long started = System.nanoTime();
    try {
      Counts counts = run(options);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "neo4j-local imported %d nodes, %d relationships in %.1f s%n",
          counts.nodes.sum(), counts.relationships.sum(), seconds);
      System.out.flush();
      System.exit(0);
    } catch (Throwable e) {
      System.err.println("neo4j-local import: failed: " + rootMessage(e));
      if (System.getenv("NEO4J_LOCAL_IMPORT_TRACE") != null) {
        e.printStackTrace(System.err);
      }
      try {
        deleteTree(databaseDir);
        deleteTree(txDir);
        System.err.println("neo4j-local import: removed the partly imported database; the store holds no '" + DATABASE + "' database");
      } catch (IOException cleanup) {
        System.err.println(
            "neo4j-local import: could not remove the partly imported database at "
                + databaseDir
                + ": "
                + cleanup.getMessage());
      }
      System.exit(1);
    }
  }

  private static Counts run(Options options) throws Exception {
    List<String> nodeFiles = new ArrayList<>();
    List<String> relationshipFiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(options.from)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".csv")) continue;
        if (name.startsWith("nodes")) nodeFiles.add(file.toString());
        else if (name.startsWith("relationships")) relationshipFiles.add(file.toString());
      }
    }
    if (nodeFiles.isEmpty()) {
      throw new IllegalStateException("no nodes*.csv file in " + options.from);
    }
    List<String> args = new ArrayList<>();
    for (String f : nodeFiles) args.add("--nodes=" + f);
    for (String f : relationshipFiles) args.add("--relationships=" + f);
    args.add("--delimiter=,");
    args.add("--array-delimiter=U+001F");
    args.add("--quote=\"");
    args.add("--id-type=string");
    args.add("--bad-tolerance=0");
    args.add("--strict=true");
    args.add("--skip-bad-relationships=false");
    args.add("--skip-duplicate-nodes=false");
    args.add("--ignore-empty-strings=false");
    args.add("--trim-strings=false");
    args.add("--normalize-types=false");
    args.add("--multiline-fields=" + options.multilineFields);
    args.add("--report-file=" + options.from.resolve("import.report"));
    if (options.threads > 0) args.add("--threads=" + options.threads);
    if (options.maxOffHeap != null) args.add("--max-off-heap-memory=" + options.maxOffHeap);
    args.add(DATABASE);

    Counts counts = new Counts();
    // The importer's own report (progress, "IMPORT DONE") goes to stderr: stdout is the contract.
    PrintStream progress = new PrintStream(new NonClosing(System.err), true, StandardCharsets.UTF_8);
    ExecutionContext ctx =
        new ExecutionContext(
            options.home,
            options.home.resolve("conf"),
            progress,
            System.err,
            new DefaultFileSystemAbstraction());
    FullImport command = new FullImport(ctx, counts);
    new CommandLine(command, new ContextInjectingFactory(ctx)).parseArgs(args.toArray(String[]::new));
    command.run();
    return counts;
  }

  static final class Counts {
    final LongAdder nodes = new LongAdder();
    final LongAdder relationships = new LongAdder();
  }

  /** {@code import full}, with the reserved list columns turned into properties on the way. */
  @CommandLine.Command(name = "full")
  static final class FullImport extends ImportCommand.Full {
    private final Counts counts;

    FullImport(ExecutionContext ctx, Counts counts) {
      super(ctx);
      this.counts = counts;
    }

    void run() throws Exception {
      execute();
    }

    @Override
    public boolean allowEnterpriseFeatures() {
      return false;
    }

    @Override
    protected void doImport(
        FileSystemAbstraction fs,
        DatabaseLayout layout,
        Config config,
        JobScheduler jobScheduler,
        InternalLogProvider logProvider,
        PageCacheTracer pageCacheTracer,
        CursorContextFactory contextFactory,
        org.neo4j.batchimport.api.Configuration importConfig,
        LogService logService,
        PrintStream out,
        PrintStream err,
        boolean verbose,
        Collector collector,
        MemoryTracker memoryTracker,
        Input input)
        throws IOException {
      super.doImport(
          fs,
          layout,
          config,
          jobScheduler,
          logProvider,
          pageCacheTracer,
          contextFactory,
          importConfig,
          logService,
          out,
          err,
          verbose,
          collector,
          memoryTracker,
          new ListColumnsInput(input, counts));
    }
  }

  /** The CSV input, its entities passed through {@link ListColumnsVisitor}. */
  static final class ListColumnsInput implements Input {
    private final Input delegate;
    private final Counts counts;

    ListColumnsInput(Input delegate, Counts counts) {
      this.delegate = delegate;
      this.counts = counts;
    }

    @Override
    public InputIterable nodes(Collector badCollector) {
      return wrap(delegate.nodes(badCollector), counts.nodes);
    }

    @Override
    public InputIterable relationships(Collector badCollector) {
      return wrap(delegate.relationships(badCollector), counts.relationships);
    }

    private static InputIterable wrap(InputIterable iterable, LongAdder counter) {
      return () -> {
        InputIterator iterator = iterable.iterator();
        return new InputIterator() {
          @Override
          public InputChunk newChunk() {
            return new ListColumnsChunk(iterator.newChunk(), counter);
          }

          @Override
          public boolean next(InputChunk chunk) throws IOException {
            return iterator.next(((ListColumnsChunk) chunk).delegate);
          }

          @Override
          public void close() throws IOException {
            iterator.close();
          }
        };
      };
    }

    @Override
    public IdType idType() {
      return delegate.idType();
    }

    @Override
    public ReadableGroups groups() {
      return delegate.groups();
    }

    @Override
    public Estimates validateAndEstimate(PropertySizeCalculator calculator) throws IOException {
      return delegate.validateAndEstimate(calculator);
    }

    @Override
    public java.util.Map<String, SchemaDescriptor> referencedNodeSchema(TokenHolders tokenHolders) {
      return delegate.referencedNodeSchema(tokenHolders);
    }

    @Override
    public List<SchemaCommand> schemaCommands() {
      return delegate.schemaCommands();
    }

    @Override
    public SchemaTokens schemaTokens() {
      return delegate.schemaTokens();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  static final class ListColumnsChunk implements InputChunk {
    final InputChunk delegate;
    private final LongAdder counter;
    private InputEntityVisitor wrappedFor;
    private ListColumnsVisitor wrapper;

    ListColumnsChunk(InputChunk delegate, LongAdder counter) {
      this.delegate = delegate;
      this.counter = counter;
    }

    @Override
    public boolean next(InputEntityVisitor visitor) throws IOException {
      if (visitor != wrappedFor) {
        wrappedFor = visitor;
        wrapper = new ListColumnsVisitor(visitor, counter);
      }
      return delegate.next(wrapper);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  /** Turns the reserved columns into the properties they name; counts entities. */
  static final class ListColumnsVisitor extends InputEntityVisitor.Delegate {
    private static final String[] BLANK = {""};
    private final LongAdder counter;

    ListColumnsVisitor(InputEntityVisitor actual, LongAdder counter) {
      super(actual);
      this.counter = counter;
    }

    @Override
    public boolean property(String key, Object value) {
      if (EMPTY_LISTS.equals(key)) {
        for (String name : (String[]) value) super.property(name, new String[0]);
        return true;
      }
      if (BLANK_LISTS.equals(key)) {
        for (String name : (String[]) value) super.property(name, BLANK.clone());
        return true;
      }
      return super.property(key, value);
    }

    @Override
    public void endOfEntity() throws IOException {
      counter.increment();
      super.endOfEntity();
    }
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    if (!Files.exists(dir)) return true;
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder message = new StringBuilder(t.getMessage() == null ? t.toString() : t.getMessage());
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
        message.append(": ").append(t.getMessage());
      }
    }
    return message.toString();
  }

  /** System.err for the importer, which closes the streams it is given. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private record Options(
      Path home, Path from, int threads, String maxOffHeap, boolean multilineFields) {

    static Options parse(String[] args) {
      Path home = null;
      Path from = null;
      int threads = 0;
      String maxOffHeap = null;
      boolean multiline = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath();
          case "--from" -> from = Path.of(value(args, ++i, arg)).toAbsolutePath();
          case "--threads" -> threads = parseThreads(value(args, ++i, arg));
          case "--max-off-heap-memory" -> maxOffHeap = value(args, ++i, arg);
          case "--multiline-fields" -> multiline = true;
          default -> throw new IllegalArgumentException("unknown argument " + arg);
        }
      }
      if (home == null) throw new IllegalArgumentException("--home DIR is required");
      if (from == null || !Files.isDirectory(from)) {
        throw new IllegalArgumentException("--from DIR must name a directory of CSV files");
      }
      return new Options(home, from, threads, maxOffHeap, multiline);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
      return args[i];
    }

    private static int parseThreads(String s) {
      try {
        int n = Integer.parseInt(s);
        if (n < 1) throw new NumberFormatException();
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--threads must be a positive number, got '" + s + "'");
      }
    }
  }
}
